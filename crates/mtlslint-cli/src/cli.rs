//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use mtlslint::Profile;
use mtlslint::schema::Draft;

/// Pre-flight checks for an API gateway's mTLS settings and truststore assignment calls.
#[derive(Debug, Parser)]
#[command(name = "mtlslint", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Lint mTLS settings bodies (PATCH .../settings/mtls/) in files, folders or stdin.
    Check(CheckArgs),
    /// Lint a whole call to either endpoint: method, URL and its names, headers, body.
    Request(RequestArgs),
    /// Check a response of either endpoint: its shape, the deployment per environment, documented errors.
    Response(ResponseArgs),
    /// Print a JSON Schema generated from mtlslint's model (the mTLS settings body by default).
    Schema(SchemaArgs),
    /// Explain a rule: what it checks, why, an example, what to write instead, fix safety.
    Explain(ExplainArgs),
    /// List every rule with its default severity under each profile.
    Rules(RulesArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ResponseArgs {
    /// Saved response bodies (files, folders of `*.json`), or `-` for stdin [default: stdin].
    #[arg(value_name = "FILE")]
    pub(crate) paths: Vec<PathBuf>,
    /// Which call answered [default: told by the shape; either when it cannot tell].
    #[arg(long, value_enum, ignore_case = true)]
    pub(crate) endpoint: Option<EndpointArg>,
    /// The file standard input stands for, as editors pass it: findings, SARIF and
    /// annotations name it. Nothing is written to it.
    #[arg(long, value_name = "PATH", value_parser = stdin_filename)]
    pub(crate) stdin_filename: Option<PathBuf>,
    /// Which default severities apply [default: standard, or the configuration's].
    #[arg(long, value_enum, ignore_case = true)]
    pub(crate) profile: Option<ProfileArg>,
    /// The configuration file [default: the nearest mtlslint.json from the working directory up].
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Human)]
    pub(crate) format: Format,
    #[command(flatten)]
    pub(crate) limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum EndpointArg {
    /// PATCH .../settings/mtls/
    Mtls,
    /// PUT .../truststore/{keystoreName}/
    Truststore,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The rule's code (`M001`) or name (`keystore-required`).
    #[arg(value_name = "CODE|NAME")]
    pub(crate) rule: String,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// `human` (a table) or `json`.
    #[arg(long, value_enum, ignore_case = true, default_value_t = ListFormat::Human)]
    pub(crate) format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// A table.
    Human,
    /// A JSON array with each rule's documentation.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// Which schema, e.g. `mtls-settings` or `truststore-assignment`, or `openapi` for the
    /// OpenAPI document; `--list` names them all.
    #[arg(value_name = "NAME", default_value = "mtls-settings")]
    pub(crate) name: String,
    /// The JSON Schema dialect: `2020-12` (the default) or `07` (draft-07).
    #[arg(long, value_name = "DRAFT", value_parser = parse_draft)]
    pub(crate) draft: Option<Draft>,
    /// List the schemas instead of printing one.
    #[arg(long, conflicts_with_all = ["name", "draft"])]
    pub(crate) list: bool,
}

fn stdin_filename(name: &str) -> Result<PathBuf, String> {
    match name {
        "" => Err("write the path of the file standard input holds, e.g. `--stdin-filename bodies/proxy.json`".into()),
        "-" => {
            Err("`-` is standard input itself; write the path of the file it holds, e.g. `bodies/proxy.json`".into())
        }
        // `./`, `..`, `dir/`: a folder's name, which no finding can point into.
        _ if name.ends_with(['/', std::path::MAIN_SEPARATOR])
            || PathBuf::from(name).file_name().is_none()
            || std::path::Path::new(name).is_dir() =>
        {
            Err(format!(
                "`{name}` names a folder; write the path of the file standard input holds, e.g. `bodies/proxy.json`"
            ))
        }
        _ => Ok(PathBuf::from(name)),
    }
}

fn parse_draft(name: &str) -> Result<Draft, String> {
    Draft::from_name(name).ok_or_else(|| format!("`{name}` is no dialect mtlslint writes; write `2020-12` or `07`"))
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("apply").args(["fix", "diff"]).multiple(false))]
pub(crate) struct CheckArgs {
    /// Bodies (JSON), `.http` request files, cURL commands, folders (searched for *.json, *.http,
    /// *.rest, *.curl), or `-` for stdin [default: stdin].
    #[arg(value_name = "FILE")]
    pub(crate) paths: Vec<PathBuf>,
    /// Apply the safe fixes in place (stdin: print the fixed body), then report what is left.
    #[arg(long)]
    pub(crate) fix: bool,
    /// Print the fixes as a unified diff (apply it with `patch -p0` or `git apply -p0`) and write nothing; exit 1 when there is one, or an error no fix removes.
    #[arg(long)]
    pub(crate) diff: bool,
    /// With --fix or --diff, apply the unsafe fixes too: they change what the settings mean.
    #[arg(long, requires = "apply")]
    pub(crate) unsafe_fixes: bool,
    /// The HTTP Client environment whose variables fill in `.http` files' `{{name}}`s, read from
    /// http-client.env.json and http-client.private.env.json beside each file (or in the nearest
    /// folder above it that holds them, up to the working folder).
    #[arg(long, value_name = "NAME")]
    pub(crate) env: Option<String>,
    /// The file standard input stands for, as editors pass it: findings, SARIF and
    /// annotations name it, its extension says what it holds (.http, .curl, .json), and its
    /// folder is where an .http file's body files and environments are read. Nothing is
    /// written to it.
    #[arg(long, value_name = "PATH", value_parser = stdin_filename)]
    pub(crate) stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) common: CommonArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RequestArgs {
    /// HTTP method, e.g. PATCH or PUT (curl's `--request` is taken too) [default: as curl sends
    /// the call: POST with --data, else GET].
    #[arg(long, short = 'X', alias = "request")]
    pub(crate) method: Option<String>,
    /// The URL (or just the path) of the call.
    #[arg(long)]
    pub(crate) url: Option<String>,
    /// The URL, written after the options as curl takes it (in place of --url).
    #[arg(value_name = "URL", conflicts_with = "url")]
    pub(crate) location: Option<String>,
    /// The whole call as a cURL command, e.g. pasted from the documentation.
    #[arg(
        long,
        value_name = "COMMAND",
        conflicts_with_all = ["method", "url", "location", "headers", "data", "data_raw", "json", "oauth2_bearer", "user"]
    )]
    pub(crate) curl: Option<String>,
    /// A header, as `Name: value`; repeat for more.
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE")]
    pub(crate) headers: Vec<String>,
    /// The token, sent as `Authorization: Bearer TOKEN` (as curl sends it; an `Authorization` header given with -H replaces it).
    #[arg(long, value_name = "TOKEN")]
    pub(crate) oauth2_bearer: Option<String>,
    /// `USER:PASSWORD`, sent as basic authentication (as curl sends it), which both endpoints refuse.
    #[arg(long, short = 'u', value_name = "USER:PASSWORD", conflicts_with = "oauth2_bearer")]
    pub(crate) user: Option<String>,
    /// The body: text, `@FILE` to read a file, or `@-` for stdin (curl's `--data-binary` is taken too).
    #[arg(long, short = 'd', alias = "data-binary")]
    pub(crate) data: Option<String>,
    /// The body as written: an `@` at its start is sent, not a file read (curl's `--data-raw`).
    #[arg(long, value_name = "DATA", conflicts_with_all = ["data", "json"])]
    pub(crate) data_raw: Option<String>,
    /// A JSON body, read as --data reads it, sent with `Content-Type: application/json`
    /// unless -H gives one (curl's `--json`).
    #[arg(long, value_name = "DATA", conflicts_with = "data")]
    pub(crate) json: Option<String>,
    #[command(flatten)]
    pub(crate) common: CommonArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CommonArgs {
    /// Which default severities apply [default: standard, or the configuration's].
    #[arg(long, value_enum, ignore_case = true)]
    pub(crate) profile: Option<ProfileArg>,
    /// The configuration file [default: the nearest mtlslint.json from the working directory up].
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// The proxy's current mTLS settings (JSON); the body is judged by the settings it produces.
    #[arg(long, value_name = "FILE")]
    pub(crate) current: Option<PathBuf>,
    /// Saved List Keystores response (or JSON array of names) of the project.
    #[arg(long, value_name = "FILE")]
    pub(crate) keystores: Option<PathBuf>,
    /// Saved List Keystores response (or JSON array of names) of the admin project.
    #[arg(long, value_name = "FILE")]
    pub(crate) admin_keystores: Option<PathBuf>,
    /// Saved List Credentials response (or JSON array of usernames) of the project: the
    /// truststore assignment's `username` is checked against it.
    #[arg(long, value_name = "FILE")]
    pub(crate) credentials: Option<PathBuf>,
    /// The token's permissions in the project, e.g. `API_MANAGEMENT+MANAGE,IDENTITY+MANAGE`, or `@FILE`.
    #[arg(long, value_name = "LIST|@FILE")]
    pub(crate) permissions: Option<String>,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Human)]
    pub(crate) format: Format,
    #[command(flatten)]
    pub(crate) limits: LimitArgs,
}

#[derive(Debug, Args)]
pub(crate) struct LimitArgs {
    /// Largest input in bytes [default: 1048576, or the configuration's].
    #[arg(long, value_name = "BYTES", value_parser = bytes, allow_negative_numbers = true)]
    pub(crate) max_bytes: Option<usize>,
    /// Deepest nesting of arrays and objects, up to 128 [default: 64, or the configuration's].
    #[arg(long, value_name = "LEVELS", value_parser = depth, allow_negative_numbers = true)]
    pub(crate) max_depth: Option<usize>,
}

impl LimitArgs {
    /// The limits given on the command line, over `limits` (the configuration's or the defaults).
    pub(crate) fn apply(&self, limits: &mut mtlslint::Limits) {
        limits.max_bytes = self.max_bytes.unwrap_or(limits.max_bytes);
        limits.max_depth = self.max_depth.unwrap_or(limits.max_depth);
    }
}

/// Reads `--max-bytes`, bounded by [`mtlslint::Limits::MAX_BYTES`], as in the configuration.
fn bytes(text: &str) -> Result<usize, String> {
    let ceiling = mtlslint::Limits::MAX_BYTES;
    match text.parse::<usize>() {
        Ok(bytes @ 1..) if bytes <= ceiling => Ok(bytes),
        _ => Err(format!("write a whole number of bytes from 1 to {ceiling} (1 GiB)")),
    }
}

/// Reads `--max-depth`, bounded by [`mtlslint::Limits::MAX_DEPTH`].
fn depth(text: &str) -> Result<usize, String> {
    let ceiling = mtlslint::Limits::MAX_DEPTH;
    match text.parse::<usize>() {
        Ok(depth @ 1..) if depth <= ceiling => Ok(depth),
        _ => Err(format!("write a whole number from 1 to {ceiling}")),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ProfileArg {
    /// Risks are warnings.
    Standard,
    /// Legacy TLS, NOOP verification and coerced values are errors.
    Production,
}

impl From<ProfileArg> for Profile {
    fn from(profile: ProfileArg) -> Self {
        match profile {
            ProfileArg::Standard => Profile::Standard,
            ProfileArg::Production => Profile::Production,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Source excerpts with markers, for people.
    Human,
    /// One JSON document, for tools.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
}

impl RequestArgs {
    /// The headers the call sends: those given with -H, and the `Authorization`
    /// header of `--oauth2-bearer` or `-u` unless one given with -H replaces it, as in curl.
    pub(crate) fn headers(&self) -> Vec<String> {
        let given = |name: &str| self.gives(name);
        let credentials = self.made_credentials().map(|(option, value)| {
            let (name, value) = mtlslint::import::credentials_header(option, value);
            format!("{name}: {value}")
        });
        let json = (self.json.is_some() && !given("content-type")).then(|| "Content-Type: application/json".to_owned());
        self.headers.iter().cloned().chain(credentials).chain(json).collect()
    }

    /// The credentials option given (`--oauth2-bearer`, `-u`) and its
    /// value, when it makes the `Authorization` header: no `-H` replaces it.
    pub(crate) fn made_credentials(&self) -> Option<(&'static str, &String)> {
        (self.oauth2_bearer.as_ref().map(|token| ("--oauth2-bearer", token)))
            .or_else(|| self.user.as_ref().map(|user| (user_option(), user)))
            .filter(|_| !self.gives("authorization"))
    }

    /// Whether a header `name` is given with -H, or removed with `Name:`: either replaces the one curl makes.
    fn gives(&self, name: &str) -> bool {
        self.headers.iter().any(|h| mtlslint::import::read_header(h).is_ok_and(|h| h.names(name)))
    }

    /// The body option given, and whether an `@` at its start names a file (all but `--data-raw`).
    pub(crate) fn data(&self) -> Option<(&str, bool)> {
        let read = self.data.as_deref().or(self.json.as_deref()).map(|data| (data, true));
        read.or(self.data_raw.as_deref().map(|data| (data, false)))
    }
}

/// `-u` or `--user`, as the command line spells it (clap reads both into one value).
fn user_option() -> &'static str {
    let long = std::env::args_os().any(|word| word == "--user" || word.to_string_lossy().starts_with("--user="));
    if long { "--user" } else { "-u" }
}
