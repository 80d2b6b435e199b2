//! M: what the settings mean for the proxy.

pub(crate) mod connection_pool_disabled;
pub(crate) mod ignored_while_disabled;
pub(crate) mod keystore_required;
pub(crate) mod no_truststore;
pub(crate) mod same_store_for_key_and_trust;
pub(crate) mod store_not_found;
