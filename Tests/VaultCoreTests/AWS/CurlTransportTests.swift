import Foundation
import Testing
@testable import VaultCore

@Suite struct CurlTransportTests {
    /// libcurl is mapped by the first send, not before (the CLI checks the
    /// "not before" half: test_wire_nolibcurl.py).
    @Test func theFirstSendLoadsLibcurl() throws {
        let request = HTTPRequest(method: "POST", url: "http://127.0.0.1:1/", connectTimeout: 2, timeout: 2)
        let error = #expect(throws: TransportError.self) { _ = try CurlTransport.shared.send(request) }
        #expect(error?.kind == .connect, "\(String(describing: error))")
        // /proc files report size 0: read to the end rather than by size.
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/maps"))
        let maps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        #expect(maps.contains("libcurl.so"))
    }

    @Test func headerBlocksKeepTheLastResponse() {
        // After a proxy's CONNECT reply the C side keeps only the final block; parsing starts after its status line.
        let headers = CurlHandleTestAccess.parse("HTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 00:43:41 GMT\r\nX-Amzn-RequestId: abc\r\nx-a: 1\r\nX-A: 2\r\n\r\n")
        #expect(headers["date"] == "Sun, 29 Nov 2026 00:43:41 GMT")
        #expect(headers["x-amzn-requestid"] == "abc")
        #expect(headers["x-a"] == "1, 2")
    }
}
