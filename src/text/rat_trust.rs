//! Words of a rat's trust section: sharing and printing its progress summary.

/// The title of a shared summary: "Pip's trust training".
pub fn share_title(name: &str) -> String {
    format!("{name}'s trust training")
}

pub const SHARED: &str = "Shared. Thank you for keeping everyone in the loop.";
pub const COPIED: &str = "Copied. Paste it into a message or an email.";
pub const CANNOT_COPY: &str = "Copying isn't possible here. Print the summary instead.";
pub const CANNOT_PRINT: &str = "Printing isn't possible here. Try your browser's menu.";
pub const SHARE_PROGRESS: &str = "Share progress";
pub const SHARE_TEXT: &str = "A short summary for your vet, a rescue or a friend. Nothing leaves this device until you share it.";
pub const PRINT: &str = "Print";
