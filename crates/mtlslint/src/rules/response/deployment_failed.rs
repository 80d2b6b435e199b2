use crate::response::{failed, member};
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// The credential's deployment failed in an environment.
    ///
    /// ## What it does
    /// Reads the truststore assignment's `deploymentResult` and reports each
    /// environment whose result has `success: false`, with its name and
    /// message, or the deployment as a whole when it failed without naming
    /// an environment.
    ///
    /// ## Why is this bad?
    /// An environment whose deployment failed has not received the new
    /// truststore: mTLS to its backends does not yet trust what the
    /// assignment meant it to. (Source: the endpoint's documentation, "Response".)
    ///
    /// ## Example
    /// ```json
    /// {"success": true, "deploymentResult": {"success": false, "environmentResults": [{"environmentName": "staging", "success": false, "message": "timeout"}]}}
    /// ```
    ///
    /// ## Use instead
    /// Deploy the credential to the failed environments again, and check
    /// that the token has `IDENTITY+DEPLOY_UNDEPLOY` (rule P002).
    ///
    /// ## Fix safety
    /// No fix: the deployment happens on the server.
    "D002", "deployment-failed", standard: ERROR, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.response else { return };
    let Some(deployment) = view.root().and_then(|root| member(root, "deploymentResult")).map(|m| &m.value) else {
        return;
    };
    let text = |node: &crate::syntax::Node<'_>, key| match member(node, key).map(|m| &m.value.value) {
        Some(Value::String(text)) => Some(text.to_string()),
        _ => None,
    };
    let mut named = 0;
    if let Some(Value::Array(items)) = member(deployment, "environmentResults").map(|m| &m.value.value) {
        for (index, item) in items.iter().enumerate().filter(|(_, item)| failed(item)) {
            named += 1;
            let name = text(item, "environmentName").unwrap_or_else(|| format!("#{}", index + 1));
            let why = text(item, "message").map(|m| format!(": {m}")).unwrap_or_default();
            let at = member(item, "success").map_or(item.span, |m| m.value.span);
            checker
                .report(
                    &RULE,
                    at,
                    format!("/deploymentResult/environmentResults/{index}/success"),
                    format!("the credential was not deployed to `{name}`{why}"),
                )
                .help(
                    "deploy the credential to this environment again; until then it has not received this assignment",
                );
        }
    }
    if named == 0 && failed(deployment) {
        let why = text(deployment, "message").map(|m| format!(": {m}")).unwrap_or_default();
        let at = member(deployment, "success").map_or(deployment.span, |m| m.value.span);
        checker
            .report(&RULE, at, "/deploymentResult/success", format!("the credential's deployment failed{why}"))
            .help("deploy the credential again, and check that the token has IDENTITY+DEPLOY_UNDEPLOY");
    }
}
