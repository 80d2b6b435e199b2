//! D: responses, for tools that call the API and check what came back.

pub(crate) mod deployment_failed;
pub(crate) mod response_shape;
pub(crate) mod server_error;
