//! Reads what the command line names: bodies, context files, request parts.
//! Error messages name files and flags but never quote their contents.

use std::fs;
use std::io::{IsTerminal as _, Read};
use std::path::{Path, PathBuf};

use mtlslint::config::Inventories;
use mtlslint::context::Permissions;
use mtlslint::{Config, Context, Inventory, Request};

use crate::cli::CommonArgs;

/// A body to lint.
pub(crate) enum Input {
    /// Standard input, with the path of the file it holds (`--stdin-filename`), if given.
    Stdin(Option<PathBuf>),
    File(PathBuf),
}

impl Input {
    pub(crate) fn name(&self) -> String {
        match self {
            Input::Stdin(None) => "-".into(),
            Input::Stdin(Some(path)) | Input::File(path) => path.display().to_string(),
        }
    }

    /// The folder the input's relative paths start from (`--data @FILE`, the
    /// HTTP Client's environment files): its own, or the working directory.
    pub(crate) fn folder(&self) -> PathBuf {
        match self {
            Input::Stdin(Some(path)) | Input::File(path) => folder_of(path).to_path_buf(),
            Input::Stdin(None) => PathBuf::from("."),
        }
    }

    /// The input's bytes, at most `limit + 1` of them: enough for the linter
    /// to tell an input over the limit, without holding a huge file (or an
    /// endless stream) in memory.
    pub(crate) fn read(&self, limit: usize) -> Result<Vec<u8>, String> {
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        let mut bytes = Vec::new();
        match self {
            Input::Stdin(_) => {
                let stdin = std::io::stdin();
                // Run at a prompt (`check` with no input named, `--data @-`), it would seem to hang.
                if stdin.is_terminal() {
                    eprintln!("mtlslint: reading standard input until it ends (Ctrl-D; Ctrl-Z then Enter on Windows)");
                }
                stdin.take(cap).read_to_end(&mut bytes).map_err(|e| format!("cannot read stdin: {}", reason(&e)))
            }
            Input::File(path) => fs::File::open(path)
                .and_then(|file| file.take(cap).read_to_end(&mut bytes))
                .map_err(|e| format!("cannot read `{}`: {}", path.display(), reason(&e))),
        }?;
        Ok(bytes)
    }

    /// A request body: as [`Input::read`], with room for a character cut at
    /// the limit, so that a body over the limit stays over it as text.
    fn read_body(&self, limit: usize) -> Result<Vec<u8>, String> {
        self.read(limit.saturating_add(3))
    }
}

/// Whether the call's token seems split off its header: `-H "Authorization:
/// Bearer" $TOKEN` (a quote closed too early) or an unset `$URL` before it
/// leaves a header with a scheme and no credentials, or none at all, and one
/// word where the URL goes that is no URL: not written with `://`, not a
/// path, no `{{variable}}`, naming no call of the gateway (in an `.http`
/// file, a blank line after the header makes the token the body: one word
/// that is no JSON object, array, string or literal; a number may be a
/// token there). Findings would quote that word, so such a call is not linted: the
/// message says what to write, without quoting it.
/// `http_file` says the call is read from an `.http` file, which writes headers as lines.
pub(crate) fn split_off_token(request: &Request, http_file: bool) -> Option<String> {
    let (name, scheme) = request.headers.iter().find(|(name, value)| {
        let value = value.trim();
        name.trim().eq_ignore_ascii_case("authorization")
            && (value.is_empty()
                || ["bearer", "basic", "token"].iter().any(|scheme| value.eq_ignore_ascii_case(scheme)))
    })?;
    let word = |text: &str| !text.is_empty() && !text.contains(char::is_whitespace);
    let url = request.url.trim();
    let names_a_call = ["/apiProxies/", "/credentials/", "{{"].iter().any(|part| url.contains(part));
    // A body copied with its shell quotes (`'{...}'`) is no token either: J001 says what to write.
    let plain = |body: &str| body.starts_with(['{', '[', '"']) || ["null", "true", "false"].contains(&body);
    let quoted =
        |body: &str| body.strip_prefix('\'').and_then(|b| b.strip_suffix('\'')).is_some_and(|b| plain(b.trim()));
    let json = |body: &str| plain(body) || quoted(body);
    let body = request.body.as_deref().map(str::trim);
    let (place, url_too) = if word(url) && !url.contains("://") && !url.starts_with('/') && !names_a_call {
        ("the URL is one word that is no URL", ", and the URL with `https://`")
    } else if http_file && body.is_some_and(|body| word(body) && !json(body)) {
        // Only an `.http` file's blank line turns the token into the body; a command puts it where the URL goes.
        ("the body is one word that is no JSON object", "")
    } else {
        return None;
    };
    let header = match (name.trim(), scheme.trim()) {
        (name, "") => format!("`{name}:`"),
        (name, scheme) => format!("`{name}: {scheme}`"),
    };
    // Both calls take a bearer token, whatever scheme was written.
    let write = if http_file {
        "write the token on the header's line, `Authorization: Bearer <token>`".to_owned()
    } else {
        format!("write the header as one argument, `-H \"Authorization: Bearer $TOKEN\"`{url_too}")
    };
    Some(format!("{header} has no token, and {place} (not shown: it may be the token, split off its header); {write}"))
}

/// A link to nothing, `path`, named as `name`: to a file that does not
/// exist, through any number of links, or back to a link met before.
fn dangling(name: &str, path: &Path) -> String {
    let target = fs::read_link(path).map(|target| target.display().to_string()).unwrap_or_default();
    // A link is known by its folder's real path and its name: `h/../h/a` is `h/a`.
    let key = |at: &Path| match (at.parent().map(fs::canonicalize), at.file_name()) {
        (Some(Ok(folder)), Some(name)) => folder.join(name),
        _ => at.to_path_buf(),
    };
    let (mut at, mut seen) = (path.to_path_buf(), Vec::new());
    while let Ok(next) = fs::read_link(&at) {
        seen.push(key(&at));
        at = at.parent().unwrap_or(Path::new("")).join(&next);
        if seen.contains(&key(&at)) {
            return format!(
                "{name}: a link to `{target}`, which leads back to a link before it, never to a file: point it at a file"
            );
        }
        // Past 40 links the system gives up.
        if seen.len() > 40 {
            return format!("{name}: a link to `{target}`, which leads through more than 40 links: point it at a file");
        }
    }
    match seen.len() {
        0 | 1 => format!("{name}: a link to `{target}`, which does not exist"),
        _ => format!("{name}: a link to `{target}`, which leads to `{}`, which does not exist", at.display()),
    }
}

/// Why a file cannot be read, in the words of the rest of the messages:
/// without the system's error number (`(os error 2)`).
pub(crate) fn reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "a folder, not a file".into(),
        _ => {
            // The system's own words, without what a wrapper added (tempfile's `at path "..."`).
            let text = os_code(error)
                .map_or_else(|| error.to_string(), |code| std::io::Error::from_raw_os_error(code).to_string());
            let text = match text.rfind(" (os error ") {
                Some(at) if text.ends_with(')') => &text[..at],
                _ => &text,
            };
            // The system's sentence is a clause here: `cannot write the output: no space left on device`.
            let mut chars = text.chars();
            chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
        }
    }
}

/// The system's error number behind `error`, through the errors that wrap it.
fn os_code(error: &std::io::Error) -> Option<i32> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if let Some(code) = error.downcast_ref::<std::io::Error>().and_then(std::io::Error::raw_os_error) {
            return Some(code);
        }
        source = error
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map_or_else(|| error.source(), |inner| Some(inner as &(dyn std::error::Error + 'static)));
    }
    None
}

/// The environment files of JetBrains' HTTP client, beside the `.http` files
/// that read their variables: no bodies.
const HTTP_CLIENT_ENV: [&str; 2] = mtlslint::import::Environment::FILES;

/// The variables of the HTTP Client environment `name` for an `.http`
/// input, from the environment files in its folder or the nearest folder
/// above it that holds one (the working directory's for standard input),
/// as the HTTP Client reads them.
pub(crate) fn http_environment(name: &str, input: &Input) -> Result<mtlslint::import::Environment, String> {
    let folder = environment_folder(input);
    let mut texts = [None, None];
    for (text, file) in texts.iter_mut().zip(HTTP_CLIENT_ENV) {
        let path = folder.join(file);
        if path.is_file() {
            let bytes = Input::File(path.clone()).read(FILE_LIMIT)?;
            if bytes.len() > FILE_LIMIT {
                return Err(too_large(&path.display().to_string()));
            }
            let read =
                String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8; save it as UTF-8", path.display()))?;
            *text = Some(read);
        }
    }
    let [public, private] = &texts;
    mtlslint::import::Environment::read(name, public.as_deref(), private.as_deref())
        .map_err(|e| format!("{}: --env {name}: {e} (in {})", input.name(), folder.display()))
}

/// The environment file of the HTTP Client for an `.http` input, when there is one.
pub(crate) fn http_environment_file(input: &Input) -> Option<&'static str> {
    let folder = environment_folder(input);
    HTTP_CLIENT_ENV.into_iter().find(|file| folder.join(file).is_file())
}

/// The folder whose environment files an `.http` input reads: its own, or
/// the nearest above it that holds one (a project keeps them at its root),
/// up to the working folder when the input lies under it.
fn environment_folder(input: &Input) -> PathBuf {
    let folder = input.folder();
    let (Ok(real), Ok(here)) = (folder.canonicalize(), std::env::current_dir().and_then(|d| d.canonicalize())) else {
        return folder;
    };
    let holds = |dir: &Path| HTTP_CLIENT_ENV.iter().any(|file| dir.join(file).is_file());
    // The folder itself, then those above it while they are the working folder or under it.
    let mut searched = real.ancestors().take_while(|dir| *dir == real || dir.starts_with(&here));
    searched.find(|dir| holds(dir)).map_or(folder, Path::to_path_buf)
}

/// The file extensions `check` searches a folder for: bodies, `.http` request files and cURL commands.
pub(crate) const EXTENSIONS: &[&str] = &["json", "http", "rest", "curl"];

/// The file extension `response` searches a folder for: saved responses are JSON.
pub(crate) const RESPONSE_EXTENSIONS: &[&str] = &["json"];

/// Expands the paths: files as given, folders to their files with one of
/// `extensions` (`*.json`, ...) in name order, `-` (or no path) to stdin,
/// which stands for the file `stdin_name` when one is given. A folder's
/// configuration files (`mtlslint.json`), the HTTP client's environment
/// files (`http-client.env.json`) and the `context` files the run reads
/// (inventories, current settings) are no bodies: they are left out of it.
/// A path that names nothing to read is an error in its place; the others
/// are read all the same. Unless `quiet` (standard error carries a machine
/// format's report), a configuration file met that the run does not read is noted.
pub(crate) fn collect(
    paths: &[PathBuf],
    context: &[PathBuf],
    extensions: &[&str],
    stdin_name: Option<&Path>,
    quiet: bool,
) -> Vec<Result<Input, String>> {
    let context: Vec<PathBuf> = context.iter().filter_map(|path| fs::canonicalize(path).ok()).collect();
    let read_by_run = |path: &Path| fs::canonicalize(path).is_ok_and(|path| context.contains(&path));
    let is_config = |path: &Path| path.file_name().is_some_and(|name| name == mtlslint::config::FILE_NAME);
    let is_context = |path: &Path| {
        is_config(path)
            || path.file_name().is_some_and(|name| HTTP_CLIENT_ENV.contains(&name.to_str().unwrap_or_default()))
            || read_by_run(path)
    };
    let mut inputs = Vec::new();
    let mut stdin = false;
    // A file named twice (`a.json ./a.json`, or named and in a folder named)
    // is read once, where it is first named.
    let mut seen = std::collections::HashSet::new();
    let mut first = |path: &Path| seen.insert(same_file_key(path));
    let stdin_alone = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin_alone[..] } else { paths };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(if stdin {
                Err("`-` (standard input) is given twice; it can be read once".into())
            } else {
                Ok(Input::Stdin(stdin_name.map(Path::to_path_buf)))
            });
            stdin = true;
        } else if path.is_dir() {
            let mut found = Vec::new();
            let mut unreadable = Vec::new();
            walk(path, extensions, &mut found, &mut unreadable);
            if !quiet {
                // A configuration file the run does not read: its rules would seem to apply, and do not.
                for path in found.iter().filter(|path| is_config(path) && !read_by_run(path)) {
                    eprintln!(
                        "mtlslint: note: {} is not read: a run reads the nearest `{}` from the working folder up, \
                         or `--config FILE` (run from its folder, or pass `--config {0}`)",
                        path.display(),
                        mtlslint::config::FILE_NAME
                    );
                }
            }
            found.retain(|path| !is_context(path));
            // A file met both where it is and through a link (a linked folder
            // within the one walked) is read where it is: `--fix` writes it there.
            let through_link = |at: &PathBuf| link_met_in_folder(at, std::slice::from_ref(path)).is_some();
            found.sort_by_cached_key(|at| (through_link(at), at.clone()));
            found.retain(|at| first(at));
            found.sort();
            inputs.extend(unreadable.into_iter().map(Err));
            if found.is_empty() {
                let kinds: Vec<_> = extensions.iter().map(|e| format!("*.{e}")).collect();
                inputs.push(Err(format!(
                    "{} holds no {} files to lint (besides configuration and context files, and hidden or ignored ones)",
                    path.display(),
                    kinds.join(", ")
                )));
            }
            inputs.extend(found.into_iter().map(|path| Ok(Input::File(path))));
        } else if path.exists() {
            if first(path) {
                inputs.push(Ok(Input::File(path.clone())));
            }
        } else if path.is_symlink() {
            inputs.push(Err(dangling(&format!("`{}`", path.display()), path)));
        } else {
            inputs.push(Err(format!("`{}`: no such file or folder", path.display())));
        }
    }
    if let (Some(name), false) = (stdin_name, stdin) {
        inputs.push(Err(format!(
            "--stdin-filename {}: standard input is not read when files are named; add `-` to them, or name none",
            name.display()
        )));
    }
    inputs
}

/// The folder a file stands in: `.` for a bare name.
fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// What tells two spellings of one file apart from two files: its folder
/// resolved, and its own name as written, so that a link and its target stay
/// two inputs (`--fix` writes through one and not the other).
pub(crate) fn same_file_key(path: &Path) -> PathBuf {
    match (fs::canonicalize(folder_of(path)), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// The files below `folder` with one of `extensions`, as `git` and ripgrep
/// see the tree: hidden files and folders and what `.gitignore` or `.ignore`
/// leave out (`target/`, `node_modules/`) are passed over. What cannot be
/// read (a folder without permission, a link to nothing) goes in `unreadable`.
fn walk(folder: &Path, extensions: &[&str], found: &mut Vec<PathBuf>, unreadable: &mut Vec<String>) {
    let has_extension =
        |path: &Path| path.extension().is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
    // Linked folders are walked too; a link back to a folder being walked
    // adds nothing, its files are met through the folder itself.
    for entry in ignore::WalkBuilder::new(folder).follow_links(true).build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) if matches!(unwrapped(&error).0, ignore::Error::Loop { .. }) => continue,
            Err(error) => {
                let (inner, at) = unwrapped(&error);
                match at.filter(|path| path.is_symlink() && !path.exists()) {
                    // A link to nothing is named only where a file of its kind would be linted.
                    Some(path) if !has_extension(path) => {}
                    Some(path) => unreadable.push(dangling(&path.display().to_string(), path)),
                    None => {
                        let why = match inner {
                            ignore::Error::Io(io) => reason(io),
                            other => other.to_string(),
                        };
                        unreadable.push(format!("`{}`: {why}", at.unwrap_or(folder).display()));
                    }
                }
                continue;
            }
        };
        // `is_file` follows a link, so a linked file is linted as before.
        if has_extension(entry.path()) && entry.path().is_file() {
            found.push(entry.into_path());
        }
    }
}

/// An error of the walk without its wrappers, and the path it is about.
fn unwrapped(error: &ignore::Error) -> (&ignore::Error, Option<&Path>) {
    match error {
        ignore::Error::WithPath { path, err } => (unwrapped(err).0, Some(path)),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => unwrapped(err),
        _ => (error, None),
    }
}

/// How `path` is reached through a link met in a folder, not named on the
/// command line (`a link to TARGET`): `check --fix` does not write through
/// it, since the target may lie outside the folder it was asked to fix.
pub(crate) fn link_met_in_folder(path: &Path, named: &[PathBuf]) -> Option<String> {
    // The folder named on the command line that holds `path`: links above it are the user's own.
    let root = named.iter().filter(|name| path.starts_with(name)).max_by_key(|name| name.components().count())?;
    let is_link = |at: &Path| fs::symlink_metadata(at).is_ok_and(|meta| meta.file_type().is_symlink());
    let link = path.ancestors().take_while(|at| at != root).find(|at| is_link(at))?;
    let target = fs::read_link(link).unwrap_or_else(|_| link.to_path_buf());
    let through = if link == path { String::new() } else { format!("in `{}`, ", link.display()) };
    Some(format!("{through}a link to `{}`", target.display()))
}

/// The most of any file that is read: a List Keystores response of thousands
/// of keystores, or an `.http` file of many requests, is a few megabytes.
/// Bodies are read up to their own limit (`--max-bytes`) when it is higher.
pub(crate) const FILE_LIMIT: usize = 64 << 20;

/// The error of a file over [`FILE_LIMIT`].
pub(crate) fn too_large(name: &str) -> String {
    format!("{name} is larger than {} MiB: is it the right file?", FILE_LIMIT >> 20)
}

/// A configuration or context file as text, read up to [`FILE_LIMIT`].
fn context_text(path: &Path) -> Result<String, String> {
    let bytes = Input::File(path.to_path_buf()).read(FILE_LIMIT)?;
    if bytes.len() > FILE_LIMIT {
        return Err(too_large(&path.display().to_string()));
    }
    String::from_utf8(bytes).map_err(|_| format!("{} is not valid UTF-8; save it as UTF-8", path.display()))
}

/// The configuration: `--config FILE`, or the nearest `mtlslint.json` from the
/// working directory up; `None` when there is none.
pub(crate) fn config(flag: Option<&Path>) -> Result<Option<(PathBuf, Config)>, String> {
    let path = if let Some(path) = flag {
        path.to_path_buf()
    } else {
        let here = std::env::current_dir().map_err(|e| format!("cannot read the working directory: {}", reason(&e)))?;
        let found = here.ancestors().map(|dir| dir.join(mtlslint::config::FILE_NAME)).find(|path| path.is_file());
        let Some(path) = found else { return Ok(None) };
        path
    };
    let named = if flag.is_some() { "--config" } else { "the configuration" };
    let text = context_text(&path).map_err(|e| format!("{named}: {e}"))?;
    let config = Config::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some((path, config)))
}

/// The context files: a flag's path, else the configuration's (relative to
/// its folder); with the paths of the files read.
pub(crate) fn context(
    common: &CommonArgs,
    configured: Option<(&Inventories, &Path)>,
) -> Result<(Context, Vec<PathBuf>), String> {
    let read = std::cell::RefCell::new(Vec::new());
    let text = |flag: &str, path: &Path| {
        read.borrow_mut().push(path.to_path_buf());
        context_text(path).map_err(|e| format!("{flag}: {e}"))
    };
    // A path from the flag is named by the flag, one from the configuration by its key there.
    let inventory = |flag: &str, key: &str, given: Option<PathBuf>, pick: fn(&Inventories) -> Option<&String>| {
        // Each listing is read as its kind: a List Credentials response given as keystores is refused.
        let reader = match flag {
            "--credentials" => Inventory::credentials_from_json,
            _ => Inventory::keystores_from_json,
        };
        let (name, path) = match given {
            Some(path) => (flag.to_owned(), path),
            None => match configured.and_then(|(inventories, folder)| Some((pick(inventories)?, folder))) {
                Some((written, folder)) => {
                    let name = format!("the configuration's inventories.{key}");
                    // What to write: a file, found from the configuration's own folder.
                    // The working folder is `.`, not an empty name (`--config mtlslint.json`).
                    let shown = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
                    let hint = format!(
                        " (a path from `{}`, the configuration's folder, to a saved List {} response; or leave `{key}` out)",
                        shown.display(),
                        if flag == "--credentials" { "Credentials" } else { "Keystores" },
                    );
                    if written.trim().is_empty() {
                        return Err(format!("{name} is empty{hint}"));
                    }
                    let path = folder.join(written);
                    return text(&name, &path)
                        .map_err(|e| e + &hint)
                        .and_then(|text| reader(&text).map_err(|e| format!("{name} {}: {e}", path.display())))
                        .map(Some);
                }
                None => return Ok(None),
            },
        };
        reader(&text(&name, &path)?).map(Some).map_err(|e| format!("{name} {}: {e}", path.display()))
    };
    let current = common
        .current
        .as_ref()
        .map(|path| {
            mtlslint::context::current_settings_from_json(&text("--current", path)?)
                .map_err(|e| format!("--current {}: {e}", path.display()))
        })
        .transpose()?;
    let context = Context {
        current,
        keystores: inventory("--keystores", "keystores", common.keystores.clone(), |i| i.keystores.as_ref())?,
        admin_keystores: inventory("--admin-keystores", "adminKeystores", common.admin_keystores.clone(), |i| {
            i.admin_keystores.as_ref()
        })?,
        credentials: inventory("--credentials", "credentials", common.credentials.clone(), |i| i.credentials.as_ref())?,
        // `--permissions`: a list, or `@FILE` holding one (or a JSON array).
        permissions: common
            .permissions
            .as_deref()
            .map(|flag| match flag.strip_prefix('@') {
                Some(path) => Permissions::from_text(&text("--permissions", Path::new(path))?)
                    .map_err(|e| format!("--permissions {path}: {e}")),
                None => Permissions::from_text(flag).map_err(|e| format!("--permissions: {e}")),
            })
            .transpose()?,
    };
    Ok((context, read.into_inner()))
}

/// What a file holds, told by its extension or, on standard input and under another extension, by its first words.
pub(crate) enum Holds {
    Body,
    HttpRequests,
    Curl,
    /// A script that runs curl among other commands (`set -e`, then `curl ...`).
    Script,
}

/// What a JSON object is by its keys, when they tell: a settings body (one of
/// the body's fields and nothing a response has), or a saved response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonKind {
    Body,
    Response,
}

pub(crate) fn kind_of_json(bytes: &[u8]) -> Option<JsonKind> {
    // The two calls' responses; a saved List response (`resultList`) is an inventory, as S001 says of it.
    const RESPONSE_KEYS: [&str; 4] = ["success", "deploymentResult", "error", "error_description"];
    let Ok(serde_json::Value::Object(object)) = serde_json::from_slice::<serde_json::Value>(bytes) else { return None };
    let body = object.keys().any(|key| mtlslint::model::FIELDS.contains(&key.as_str()));
    let response = object.keys().any(|key| RESPONSE_KEYS.contains(&key.as_str()));
    match (body, response) {
        (true, false) => Some(JsonKind::Body),
        (false, true) => Some(JsonKind::Response),
        _ => None,
    }
}

pub(crate) fn holds(input: &Input, bytes: &[u8]) -> Holds {
    let extension = match input {
        Input::Stdin(Some(path)) | Input::File(path) => {
            path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase())
        }
        Input::Stdin(None) => None,
    };
    let text = || String::from_utf8_lossy(bytes);
    match extension.as_deref() {
        Some("http" | "rest") => Holds::HttpRequests,
        Some("curl") => Holds::Curl,
        // Standard input, another extension or a `.json` file (a cURL command saved
        // under the wrong name is read as one): told by the first words.
        _ if mtlslint::import::looks_like_curl(&text()) => Holds::Curl,
        _ if mtlslint::import::looks_like_http(&text()) => Holds::HttpRequests,
        // Not JSON, and curl runs on a later line: a script, which is no body either.
        Some(extension) if extension != "json" && is_script(&text()) => Holds::Script,
        None if is_script(&text()) => Holds::Script,
        _ => Holds::Body,
    }
}

/// Whether `text`, which does not start as JSON does, runs `curl` on one of its lines.
fn is_script(text: &str) -> bool {
    !text.trim_start_matches('\u{feff}').trim_start().starts_with(['{', '[', '"'])
        && text.lines().any(|line| line.split_whitespace().any(mtlslint::import::is_curl))
}

/// Why a script is not linted, and what to write instead.
pub(crate) fn script(name: &str) -> String {
    format!(
        "{name}: a script that runs curl among other commands; mtlslint reads a file that holds one cURL command \
         (its first word `curl`): save the call in a file of its own, such as `call.curl`, and lint that"
    )
}

/// Reads `--data @FILE` or `< FILE` of an imported request, relative to
/// `base`, and gives the file's path as findings in it name it.
pub(crate) fn imported_body(
    imported: &mut mtlslint::import::Imported,
    base: &Path,
    on_command_line: bool,
    limit: usize,
) -> Result<Option<PathBuf>, String> {
    let Some(file) = &imported.body_file else { return Ok(None) };
    if file == "-" && !on_command_line {
        return Err("`@-` reads the body from standard input when the command runs, which mtlslint cannot see \
                    here: save the body in a file and write `@FILE`"
            .to_owned());
    }
    // Named as the folder's other files are: `sub/body.json`, not `sub/./body.json`.
    let path = if file == "-" || base == Path::new(".") {
        PathBuf::from(file)
    } else {
        base.join(file.trim_start_matches("./"))
    };
    let input = if file == "-" {
        Input::Stdin(None)
    } else if on_command_line {
        Input::File(path.clone())
    } else {
        // A request file reads body files under its own folder only, so that it cannot show another
        // file's text (`-d @/etc/passwd`, `< ../../.git-credentials`, `< /dev/stdin`, a link out).
        let confined = confined(Path::new(file), base, path.clone()).ok_or_else(|| {
            format!(
                "the body file {} is not under the request file's folder, where its body files are read: move \
                 it there, or lint it alone with `mtlslint check FILE`",
                path.display()
            )
        })?;
        // A pipe or a device would keep the run waiting, as the folder's walk does not.
        if std::fs::metadata(&confined).is_ok_and(|meta| !meta.is_file()) {
            return Err(format!(
                "the body file {} is not a regular file (a folder, a pipe or a device): save the body in a file",
                path.display()
            ));
        }
        Input::File(confined)
    };
    let cap = limit.max(FILE_LIMIT);
    let text = body_text(input.read_body(cap)?, cap).map_err(|e| format!("the body file {}: {e}", path.display()))?;
    imported.request.body = Some(text);
    Ok(Some(path))
}

/// The file `name` names under `folder` (`path`, the two joined), links followed, when it stays there:
/// `None` for an absolute name, one that climbs out with `..`, or one whose
/// links lead out. The name is judged as text before any file is touched; a
/// file that is not there yet is read (and reported missing) as named.
fn confined(name: &Path, folder: &Path, path: PathBuf) -> Option<PathBuf> {
    use std::path::Component;
    let mut depth = 0usize;
    for component in name.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => depth = depth.checked_sub(1)?,
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    match path.canonicalize() {
        Ok(real) => folder.canonicalize().ok().filter(|root| real.starts_with(root)).map(|_| real),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(path),
        Err(_) => None,
    }
}

/// A request body as text. One over `limit` is cut after its last whole
/// character (the linter reports it too large); one within must be UTF-8.
fn body_text(mut bytes: Vec<u8>, limit: usize) -> Result<String, String> {
    if bytes.len() > limit {
        let whole = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
        if whole > limit {
            bytes.truncate(whole);
        }
    }
    // The linter's own reading says why (UTF-16, as Windows PowerShell's `>` writes it) and where.
    String::from_utf8(bytes).map_err(|e| {
        let text = String::from_utf8_lossy(e.as_bytes());
        match mtlslint::locate(&text, mtlslint::Linter::default().lint_body(e.as_bytes())).first() {
            Some(found) if found.code == "J001" => {
                let help = found.help.as_deref().map(|help| format!(": {help}")).unwrap_or_default();
                format!(
                    "{} (line {}, column {}){help}",
                    found.message, found.range.start.line, found.range.start.column
                )
            }
            _ => "the body is not valid UTF-8; save it as UTF-8".to_owned(),
        }
    })
}

/// What breaks a line: no URL or header value may hold it (as the npm package says).
const LINE_BREAKS: [char; 3] = ['\r', '\n', '\0'];

/// Builds the request from the flags. A malformed header is reported without its value, which may be a token.
pub(crate) fn request(
    method: &str,
    url: &str,
    headers: &[String],
    data: Option<(&str, bool)>,
    limit: usize,
) -> Result<Request, String> {
    use mtlslint::import::{HeaderArg, is_header_name, read_header};
    let mut sent = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        match read_header(header).map_err(|message| format!("header {}: {message}", index + 1))? {
            // `Name:` sends no such header, as in curl (the one `--oauth2-bearer` makes is left out too).
            HeaderArg::Remove(_) => {}
            HeaderArg::Send(name, value) if is_header_name(name) => {
                let value = mtlslint::import::header_value(value);
                if value.contains(LINE_BREAKS) {
                    return Err(format!("the value of header `{name}` breaks the line; a header value is one line"));
                }
                sent.push((name.to_owned(), value.to_owned()));
            }
            HeaderArg::Send(name, _) if !name.trim().is_empty() && !name.trim().contains(char::is_whitespace) => {
                return Err(format!(
                    "header {}: its name holds a character no header name holds; names are letters, digits and !#$%&'*+-.^_`|~",
                    index + 1
                ));
            }
            HeaderArg::Send(..) => {
                return Err(format!(
                    "header {} is not `Name: value` (its text is not shown, as it may hold a token)",
                    index + 1
                ));
            }
        }
    }
    let headers = sent;
    // Spaces and control characters around the URL are dropped, as browsers' URL parsers (WHATWG) and the npm package drop them.
    let url = url.trim_matches(|c: char| c <= ' ');
    if url.contains(LINE_BREAKS) {
        return Err("--url breaks the line; a URL is one line (percent-encode a line break)".to_owned());
    }
    // Read whole up to the larger of the limit and FILE_LIMIT, as `--data TEXT`
    // is: a body over the limit is still the request's body (R010 removes it whole).
    let cap = limit.max(FILE_LIMIT);
    // `@-` and `@FILE` are read, except from `--data-raw` (`files` false).
    let body = match data {
        None => None,
        Some(("@-", true)) => Some(Input::Stdin(None).read_body(cap)?),
        Some(("@", true)) => {
            return Err("`--data @` names no file: write `--data @FILE`, or `--data @-` for standard input".into());
        }
        Some((data, files)) => match data.strip_prefix('@').filter(|_| files) {
            Some(path) => Some(Input::File(path.into()).read_body(cap)?),
            None => Some(data.as_bytes().to_vec()),
        },
    };
    let body = body.map(|bytes| body_text(bytes, cap)).transpose().map_err(|e| match data {
        Some((data, true)) if data.starts_with('@') => format!("the body file {}: {e}", &data[1..]),
        _ => format!("the body: {e}"),
    })?;
    Ok(Request { method: method.to_owned(), url: url.to_owned(), headers, body })
}

#[cfg(test)]
mod tests {
    use super::body_text;

    #[test]
    fn a_body_cut_at_the_limit_inside_a_character_stays_text_over_the_limit() {
        // Read up to the limit plus three bytes, the cut fell inside `é`.
        let cut = b"abc\xc3".to_vec();
        assert_eq!(body_text(cut, 2).as_deref(), Ok("abc"));
        // Within the limit, invalid UTF-8 is the body's own fault.
        assert!(body_text(b"ab\xc3".to_vec(), 8).is_err());
        // Saved as UTF-16 (Windows PowerShell's `>`): the linter's own words, and what to do.
        let utf16 = body_text(b"\xff\xfe{\x00}\x00".to_vec(), 8).unwrap_err();
        assert_eq!(
            utf16,
            "the body is UTF-16; JSON sent between systems must be UTF-8 (RFC 8259) (line 1, column 1): save the file as UTF-8"
        );
        assert_eq!(body_text("é".as_bytes().to_vec(), 8).as_deref(), Ok("é"));
    }

    #[cfg(unix)]
    #[test]
    fn a_reason_is_the_systems_words_through_any_wrapper() {
        use std::io::{Error, ErrorKind};
        #[derive(Debug)]
        struct AtPath(Error);
        impl std::fmt::Display for AtPath {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{} at path \"/tmp/.tmpX\"", self.0)
            }
        }
        impl std::error::Error for AtPath {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        // ENOSPC is 28 on Linux and on macOS.
        let full = Error::from_raw_os_error(28);
        assert_eq!(super::reason(&full), "no space left on device");
        assert_eq!(super::reason(&Error::new(ErrorKind::StorageFull, AtPath(full))), "no space left on device");
        assert_eq!(super::reason(&Error::other("Made up")), "made up");
    }
}
