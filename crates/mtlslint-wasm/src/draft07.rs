//! The draft-07 file of a published schema from its Draft 2020-12 file: the
//! two differ only in their `$id` and `$schema`. The build script embeds a
//! draft-07 file only where this does not give it byte for byte, so the module
//! carries one copy of each schema (the configuration's is 36 KB, too far
//! apart for the compressor to find the second copy).

/// `text` (a published 2020-12 schema) as the published draft-07 one.
pub(crate) fn from_2020_12(text: &str) -> String {
    text.replacen("/schemas/2020-12/", "/schemas/draft-07/", 1).replacen(
        "\"https://json-schema.org/draft/2020-12/schema\"",
        "\"http://json-schema.org/draft-07/schema#\"",
        1,
    )
}
