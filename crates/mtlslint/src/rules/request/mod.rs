//! R: the whole request (method, URL, headers) for either endpoint.

pub(crate) mod insecure_scheme;
pub(crate) mod invalid_path_name;
pub(crate) mod missing_authorization;
pub(crate) mod missing_trailing_slash;
pub(crate) mod name_case_mismatch;
pub(crate) mod name_not_found;
pub(crate) mod unexpected_body;
pub(crate) mod unknown_endpoint;
pub(crate) mod wrong_content_type;
pub(crate) mod wrong_method;

use std::borrow::Cow;

use crate::context::Inventory;
use crate::request::{Endpoint, Parameter, RequestView};
use crate::rules::Checker;

/// A named path parameter checked against an inventory.
pub(super) struct Lookup<'a> {
    pub(super) parameter: &'a Parameter<'a>,
    pub(super) name: Cow<'a, str>,
    pub(super) what: &'static str,
    pub(super) inventories: Vec<&'a Inventory>,
}

/// The E2 names that have inventories to check against.
pub(super) fn lookups<'a>(checker: &Checker<'a>, view: &'a RequestView<'a>) -> Vec<Lookup<'a>> {
    if view.endpoint != Some(Endpoint::TruststoreAssignment) {
        return Vec::new();
    }
    let context = checker.context;
    let checks: [(&str, Vec<&'a Inventory>); 2] =
        [("keystoreName", context.store_inventories().collect()), ("username", context.credentials.iter().collect())];
    checks
        .into_iter()
        .filter(|(_, inventories)| !inventories.is_empty())
        .filter_map(|(name, inventories)| {
            let what = Endpoint::named_by(name);
            let parameter = view.parameter(name)?;
            let decoded = parameter.decoded()?;
            // A placeholder names none yet (R004 says so).
            let names_one = !crate::body::is_blank(&decoded)
                && !crate::request::is_dot_segment(&decoded)
                && !crate::redact::is_name_placeholder(parameter.segment.text);
            names_one.then_some(Lookup { parameter, name: decoded, what, inventories })
        })
        .collect()
}

/// The names in the path that an inventory holds only in another case,
/// each with the inventory's spellings (more than one when it lists the
/// name in several cases): what R008 reports and R003's help writes.
pub(super) fn case_slips<'a>(checker: &Checker<'a>, view: &'a RequestView<'a>) -> Vec<(Lookup<'a>, Vec<&'a str>)> {
    let slip = |lookup: Lookup<'a>| {
        if lookup.inventories.iter().any(|inventory| inventory.contains(&lookup.name)) {
            return None;
        }
        let spellings = crate::rules::case_variants(&lookup.inventories, &lookup.name);
        (!spellings.is_empty()).then_some((lookup, spellings))
    };
    lookups(checker, view).into_iter().filter_map(slip).collect()
}

/// The pointer of a path parameter.
pub(super) fn parameter_pointer(parameter: &Parameter<'_>) -> String {
    format!("/path/{}", parameter.name)
}
