//! J: the JSON text.

pub(crate) mod duplicate_key;
pub(crate) mod input_limit;
pub(crate) mod invalid_json;
pub(crate) mod not_an_object;
pub(crate) mod trailing_content;
