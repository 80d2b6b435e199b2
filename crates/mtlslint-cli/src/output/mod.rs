//! Renders results; one module per format.

pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod sarif;

use mtlslint::{Diagnostic, Severity};
use serde::Serialize;

/// The findings for one input, with the text their ranges point into.
pub(crate) struct FileResult {
    pub(crate) source: String,
    pub(crate) text: String,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Counts by severity.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub(crate) struct Summary {
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) infos: usize,
}

impl Summary {
    pub(crate) fn of(results: &[FileResult]) -> Self {
        let mut summary = Self::default();
        for diagnostic in results.iter().flat_map(|r| &r.diagnostics) {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}
