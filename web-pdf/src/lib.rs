//! The web page's PDF reader, apart from the core (see Cargo.toml): the
//! text of a PDF as the core parses it, for the page's worker to load.

use wasm_bindgen::prelude::*;

/// The text layer of a PDF: each sheet laid out in reading order, sheets
/// separated by form feeds ([`baozhi::pdf::pdf_text`]). A PDF it cannot
/// read is an error in one line.
#[wasm_bindgen(js_name = pdfText)]
pub fn pdf_text(bytes: &[u8]) -> Result<String, JsError> {
    Ok(baozhi::pdf::pdf_text(bytes)?)
}
