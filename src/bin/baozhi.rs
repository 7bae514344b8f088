fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    println!("{}", serde_json::to_string_pretty(&baozhi::parse_page(&text)).unwrap());
}
