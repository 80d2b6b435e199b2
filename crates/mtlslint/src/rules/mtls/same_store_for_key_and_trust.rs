use crate::body::{Field, Origin};
use crate::rules::{Checker, rule};

rule! {
    /// `keyStoreId` and `trustStoreId` name the same store.
    ///
    /// ## What it does
    /// Reports effective settings in which the keystore and the truststore
    /// are the same id: when the body sends either, or when mTLS ends up
    /// enabled with both kept from the current settings.
    ///
    /// ## Why is this bad?
    /// A keystore holds the proxy's own certificate and private key; a
    /// truststore holds the CA certificates that the backend's certificate
    /// must chain to. One store for both usually means the wrong id was
    /// pasted twice, or that the client's own certificate chain is trusted
    /// as a server CA.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "ks-1"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "backend-ca"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "M005", "same-store-for-key-and-trust", standard: WARNING, production: WARNING, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    let (Some(key), Some(trust)) = (&effective.key_store_id, &effective.trust_store_id) else {
        return;
    };
    let unread = body.unread(Field::KeyStoreId) || body.unread(Field::TrustStoreId);
    // Stores kept as they stand matter once mTLS ends up enabled; one the body sends, always.
    let in_play = key.in_play(effective.enabled.value) || trust.in_play(effective.enabled.value);
    if key.value == trust.value && !crate::body::is_blank(&key.value) && !unread && in_play {
        // The finding sits on the id the body sends: the truststore's, else the keystore's.
        let (message, (span, pointer)) = match (trust.origin, key.origin) {
            (Origin::Current, Origin::Body(_)) => (
                ["`keyStoreId` names `", &key.value, "`, the truststore kept from the current settings"].concat(),
                body.anchor(key),
            ),
            _ => (["`trustStoreId` names the keystore `", &trust.value, "` too"].concat(), body.anchor(trust)),
        };
        checker
            .report(&RULE, span, pointer, message)
            .help("name two stores: a keystore with the client certificate and a truststore with only the backend's CA certificates");
    }
}
