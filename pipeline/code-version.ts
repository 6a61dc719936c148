/**
 * The code version a run, an export and `nianbao --version` print: the
 * package version and every reader version. Kept apart from `status`, which
 * opens the warehouse, so a run imports it without loading DuckDB before its
 * workers have started.
 */
import { PACKAGE_VERSION } from '../src/project-root.ts';
import { readerVersions } from './reader-version.ts';

/** The code version of a run or an export: the package version and every reader version. */
export function codeVersionLine(): string {
  return `nianbao ${PACKAGE_VERSION} ${Object.entries(readerVersions()).map(([f, v]) => `${f}=${v}`).join(' ')}`;
}

export function versionText(): string {
  const lines = [`nianbao ${PACKAGE_VERSION}`, 'reader versions:'];
  for (const [format, version] of Object.entries(readerVersions())) lines.push(`  ${format.padEnd(5)} ${version}`);
  return `${lines.join('\n')}\n`;
}
