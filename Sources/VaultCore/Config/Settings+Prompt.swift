/// The variables that choose how an MFA code is asked, as aws-vault names them.
extension Settings {
    /// `AWS_VAULT_PROMPT`: the MFA prompt driver (`terminal`, `ykman`, `zenity`, `kdialog`).
    package var promptDriver: String? { self["AWS_VAULT_PROMPT"] }

    /// Whether a desktop session is there to show a dialog on.
    package var hasDesktop: Bool { self["DISPLAY"] != nil || self["WAYLAND_DISPLAY"] != nil }

    /// `YKMAN_OATH_CREDENTIAL_NAME`: the OATH account on the YubiKey (default: the MFA serial).
    package var ykmanCredentialName: String? { self["YKMAN_OATH_CREDENTIAL_NAME"] }

    /// `YKMAN_OATH_DEVICE_SERIAL`: which YubiKey, when several are plugged in.
    package var ykmanDeviceSerial: String? { self["YKMAN_OATH_DEVICE_SERIAL"] }

    /// `AWS_VAULT_YKMAN_VERSION`: ykman 1–3 spell the command `oath code`, 4 and later `oath accounts code`.
    package var ykmanMajorVersion: String? { self["AWS_VAULT_YKMAN_VERSION"] }

}
