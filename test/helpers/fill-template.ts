/**
 * What a person does with a fresh `chamdiem init` file: choose the first option (or the top of the
 * measured range), write the texts. For the tests that walk the yearly round.
 */
export function fillTemplate(text: string): string {
  return text
    .replace(/option: <<([a-z0-9]+)[^>]*>>/g, "option: $1")
    .replace(/value: <<[^>]*đến ([\d,]+)[^>]*>>/g, (_, max: string) => `value: "${max}"`)
    .replace(/: "?<<giải trình phương án [a-z0-9]+, hoặc xóa dòng này>>"?/g, ": Quyết định số 5/QĐ-STP ngày 10/01/2022 của Sở Tư pháp.")
    .replace(/: "?<<giải trình:[^>]*>>"?/g, ": Kế hoạch số 12/KH-STP ngày 05/01/2022 của Sở Tư pháp.")
    .replace(/agency: "?<<[^>]*>>"?/, "agency: Sở Tư pháp")
    .replace(/number: "?<<[^>]*>>"?/, "number: 15")
    .replace(/symbol: "?<<[^>]*>>"?/, "symbol: BC-STP")
    .replace(/place: "?<<[^>]*>>"?/, "place: Quảng Ngãi")
    .replace(/date: "?<<[^>]*>>"?/, "date: 2022-11-18")
    .replace(/summary: "?<<[^>]*>>"?/, "summary: Tự đánh giá, chấm điểm công tác dân vận chính quyền năm 2022")
    .replace(/body: "?<<[^\n]*>>"?/, "body: Kết quả đạt **{{total}}/{{max}} điểm**.")
    .replace(/- "?<<nơi nhận>>"?/, "- Sở Nội vụ")
    .replace(/archive: "?<<[^>]*>>"?/, "archive: VT, VP")
    .replace(/title: "?<<[^>]*>>"?/, "title: GIÁM ĐỐC")
    .replace(/name: "?<<[^>]*>>"?/, "name: Nguyễn Văn B");
}
