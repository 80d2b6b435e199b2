//! What the caller chooses: the profile, limits and per-rule severities.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::rules::{self, Rule};

/// A named set of default severities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Profile {
    /// For development and staging: risks are warnings.
    #[default]
    Standard,
    /// For production proxies: legacy TLS, NOOP verification and coerced values are errors.
    Production,
}

impl FromStr for Profile {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "standard" => Ok(Profile::Standard),
            "production" => Ok(Profile::Production),
            other => Err(format!("unknown profile `{other}`: write `standard` or `production`")),
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Profile::Standard => "standard",
            Profile::Production => "production",
        })
    }
}

/// Bounds on the input, so that no input can exhaust memory or the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Largest input in bytes. Default 1 MiB, at most [`Limits::MAX_BYTES`].
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects. Default 64, at most [`Limits::MAX_DEPTH`].
    pub max_depth: usize,
}

impl Limits {
    /// The ceiling for `max_depth`. The parser recurses once a level, and
    /// this depth fits a 1 MiB stack (a wasm module's) with room to spare; a
    /// settings body needs two levels.
    pub const MAX_DEPTH: usize = 128;

    /// The ceiling for `max_bytes` (1 GiB): an input is read into memory
    /// whole, so a limit written with a few zeros too many must not let an
    /// endless stream fill it. A settings body is a few hundred bytes.
    pub const MAX_BYTES: usize = 1 << 30;
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_bytes: 1 << 20, max_depth: 64 }
    }
}

/// How to lint.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The profile whose default severities apply.
    pub profile: Profile,
    /// Input limits.
    pub limits: Limits,
    /// Severities set by rule code, each code once: a list, as a second
    /// `HashMap` for a few dozen codes at most was 0.5 KB of the wasm module, gzipped.
    overrides: Vec<(&'static str, Option<Severity>)>,
}

/// A rule selector that names no rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown rule `{}`{}",
    crate::suggest::shown(selector),
    suggestion.map_or_else(|| format!("; the codes are {}", rules::code_ranges()), |s| format!(": did you mean `{s}`?"))
)]
pub struct UnknownRule {
    /// What was asked for.
    pub selector: String,
    /// The nearest rule code or name.
    pub suggestion: Option<&'static str>,
}

/// Why a rule's severity cannot be set as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SeverityError {
    /// The selector names no rule.
    #[error(transparent)]
    Unknown(#[from] UnknownRule),
    /// The rule reports input no other rule sees (J001: a body that is not
    /// JSON): turned off, that input would pass as clean.
    #[error(
        "{code} cannot be turned off: {unseen} is not linted, and would pass unseen; lower it to a warning or info"
    )]
    CannotBeOff {
        /// The rule's code.
        code: &'static str,
        /// What would pass unseen, e.g. "a body that is not JSON".
        unseen: &'static str,
    },
}

impl Options {
    /// Options for `profile` with default limits.
    pub fn new(profile: Profile) -> Self {
        Self { profile, ..Self::default() }
    }

    /// Sets the severity of the rule with this code or name; `None` turns it
    /// off. J001, J004 and J005 may be lowered, not turned off: each reports
    /// an input that no other rule sees.
    ///
    /// ```
    /// use mtlslint::{Options, Severity, SeverityError};
    /// let mut options = Options::default();
    /// options.set_severity("T005", None).unwrap();
    /// options.set_severity("legacy-tls", Some(Severity::Error)).unwrap();
    /// assert!(matches!(options.set_severity("T05", None), Err(SeverityError::Unknown(_))));
    /// assert!(matches!(options.set_severity("J001", None), Err(SeverityError::CannotBeOff { .. })));
    /// options.set_severity("invalid-json", Some(Severity::Warning)).unwrap();
    /// ```
    pub fn set_severity(&mut self, selector: &str, severity: Option<Severity>) -> Result<(), SeverityError> {
        let rule = rules::lookup(selector)?;
        if let (None, Some(unseen)) = (severity, rule.gates) {
            return Err(SeverityError::CannotBeOff { code: rule.code, unseen });
        }
        match self.overrides.iter_mut().find(|(code, _)| *code == rule.code) {
            Some((_, set)) => *set = severity,
            None => self.overrides.push((rule.code, severity)),
        }
        Ok(())
    }

    /// The severity `rule` reports with, or `None` when it is off.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        match self.overrides.iter().find(|(code, _)| *code == rule.code) {
            Some(&(_, severity)) => severity,
            None => rule.severity(self.profile),
        }
    }
}
