use crate::context::{DEPLOY_CREDENTIALS, MANAGE_CREDENTIALS};
use crate::request::Endpoint;
use crate::rules::permission::report_missing;
use crate::rules::{Checker, rule};

rule! {
    /// The token may assign the truststore but not deploy the credential.
    ///
    /// ## What it does
    /// When you give mtlslint your token's permissions, checks that a
    /// truststore assignment also has `IDENTITY+DEPLOY_UNDEPLOY`.
    ///
    /// ## Why is this bad?
    /// After the assignment the server deploys the credential to every
    /// environment, which needs `IDENTITY+DEPLOY_UNDEPLOY`. Without it that
    /// deployment cannot run, so the environments do not get the new
    /// truststore until someone with the permission deploys. (Source: the
    /// endpoint's documentation, "Permissions".)
    ///
    /// ## Example
    /// `PUT .../credentials/api-user/truststore/my-ts/` with a token whose
    /// permissions are `IDENTITY+MANAGE` only.
    ///
    /// ## Use instead
    /// A token with `IDENTITY+MANAGE` and `IDENTITY+DEPLOY_UNDEPLOY`.
    ///
    /// ## Fix safety
    /// No fix: permissions are granted in the product, not in the request.
    "P002", "missing-deploy-permission", standard: WARNING, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let (Some(view), Some(permissions)) = (checker.request, &checker.context.permissions) else { return };
    if view.endpoint != Some(Endpoint::TruststoreAssignment)
        || permissions.has(DEPLOY_CREDENTIALS.0, DEPLOY_CREDENTIALS.1)
    {
        return;
    }
    // Without IDENTITY+MANAGE (P001) nothing is assigned: the deployment is what would fail next.
    let message = if permissions.has(MANAGE_CREDENTIALS.0, MANAGE_CREDENTIALS.1) {
        "the token lacks IDENTITY+DEPLOY_UNDEPLOY: the truststore would be assigned, but the credential's automatic \
         deployment to the environments would fail"
    } else {
        "the token lacks IDENTITY+DEPLOY_UNDEPLOY too: granted IDENTITY+MANAGE alone, the truststore would be \
         assigned, but the credential's automatic deployment to the environments would fail"
    };
    report_missing(
        checker,
        &RULE,
        message.into(),
        "use a token that also has IDENTITY+DEPLOY_UNDEPLOY, or deploy the credential yourself afterwards",
    );
}
