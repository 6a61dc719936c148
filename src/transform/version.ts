/**
 * The version of the transform (sections, mapping, values, validation,
 * region resolution): raise it whenever a change here can change a record of
 * some document. It is part of every format's reader version
 * (pipeline/reader-version.ts); test/reader-versions.test.ts fails when the
 * fixtures' records change while neither it nor the format's extractor
 * version did.
 */
export const TRANSFORM_VERSION = '2';
