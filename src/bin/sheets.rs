//! The workbook code of the editor page, in a wasm of its own that the editor loads only when
//! someone exports or imports a workbook (`edit-boot.js` offers `__almatySheets()`): the
//! spreadsheet crates are half the size of everything else the editor needs.

#[cfg(target_arch = "wasm32")]
mod exports {
    use almaty_process::sheet::{self, xlsx, Options};
    use serde_json::{json, Value};
    use wasm_bindgen::prelude::*;

    fn parse(doc: &str) -> Result<Value, JsValue> {
        serde_json::from_str(doc).map_err(|e| JsValue::from_str(&format!("the draft is not JSON: {e}")))
    }

    /// The draft (JSON text) as a workbook's bytes: a README sheet, then one sheet per table.
    #[wasm_bindgen]
    pub fn export_workbook(doc: &str) -> Result<Vec<u8>, JsValue> {
        let doc = parse(doc)?;
        let mut tables = vec![sheet::readme(&sheet::languages(&doc))];
        tables.extend(sheet::export(&doc));
        xlsx::to_bytes(&tables).map_err(|e| JsValue::from_str(&e))
    }

    /// A workbook's bytes merged onto the draft (records missing from a sheet are kept):
    /// `{"doc": …, "errors": [text], "warnings": [text]}` as JSON text.
    #[wasm_bindgen]
    pub fn import_workbook(bytes: &[u8], base: &str) -> Result<String, JsValue> {
        let base = parse(base)?;
        let tables = xlsx::from_bytes(bytes).map_err(|e| JsValue::from_str(&e))?;
        let imported = sheet::import(&tables, &base, Options::default());
        let errors: Vec<String> = imported.errors().map(|i| i.to_string()).collect();
        let warnings: Vec<String> = imported.warnings().map(|i| i.to_string()).collect();
        Ok(json!({"doc": imported.doc, "errors": errors, "warnings": warnings}).to_string())
    }
}

fn main() {}
