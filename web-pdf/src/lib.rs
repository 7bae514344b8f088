//! The web page's PDF reader, apart from the core (see Cargo.toml): a PDF
//! parsed as the core's `parse_pdf` parses it (articles by the page's
//! geometry), for the page's worker to load with `Reader.loadParsed`.

use wasm_bindgen::prelude::*;

/// The articles of a PDF, all its sheets in one [`baozhi::Page`], as JSON
/// in the parser's schema. A PDF it cannot read is an error in one line.
#[wasm_bindgen(js_name = pdfPage)]
pub fn pdf_page(bytes: &[u8]) -> Result<String, JsError> {
    let page = baozhi::parse_pdf(bytes)?;
    serde_json::to_string(&page).map_err(|e| JsError::new(&e.to_string()))
}
