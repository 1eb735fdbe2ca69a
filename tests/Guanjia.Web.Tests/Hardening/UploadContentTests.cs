using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>
/// Issue 16 defect 5, the content checks (ADR 0034): Office files are opened as the zips they are, within bounds; a
/// %PDF+HTML polyglot is refused; stored names are cleaned; downloads are attachments with their own type.
/// </summary>
[Collection(ApiCollection.Name)]
public class UploadContentTests
{
    private static async Task<HttpResponseMessage> UploadAsync(Flow f, string projectId, string fileName, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("Minutes"), "kind");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await f.Village.PostAsync($"/api/micro-projects/{projectId}/attachments", content);
    }

    private static byte[] Zip(int entries, int bytesEach)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < entries; i++)
            {
                using var s = zip.CreateEntry($"word/part{i}.xml", CompressionLevel.Fastest).Open();
                var block = new byte[Math.Min(bytesEach, 1 << 20)];
                for (var left = bytesEach; left > 0; left -= block.Length) s.Write(block, 0, Math.Min(block.Length, left));
            }
        return ms.ToArray();
    }

    [Theory, BothDatabases]
    public async Task Issue16_5_a_zip_bomb_named_docx_and_a_pdf_html_polyglot_are_refused_and_names_are_cleaned(Db db)
    {
        var f = await Flow.StartAsync(db);
        var order = await f.HotlineOrderAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        var projectId = await f.CommitteeAsync(order.Str("id"));

        // 101 MiB of zeros in one entry: about 100 KiB on the wire.
        (await (await UploadAsync(f, projectId, "协商记录.docx", Zip(1, 101 * 1024 * 1024))).Json(HttpStatusCode.BadRequest))
            .ShouldNameField("file", "zip_too_large");
        (await (await UploadAsync(f, projectId, "协商记录.xlsx", Zip(1001, 10))).Json(HttpStatusCode.BadRequest))
            .ShouldNameField("file", "zip_too_many_entries");
        (await (await UploadAsync(f, projectId, "坏.docx", "PK\u0003\u0004garbage"u8.ToArray())).Json(HttpStatusCode.BadRequest))
            .ShouldNameField("file", "not_a_valid_office_file");
        (await (await UploadAsync(f, projectId, "记录.pdf", "%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray()))
            .Json(HttpStatusCode.BadRequest)).ShouldNameField("file", "pdf_with_html");

        var fine = await (await UploadAsync(f, projectId, "协商记录.docx", Zip(3, 2000))).Json(HttpStatusCode.Created);
        var named = await (await UploadAsync(f, projectId, "..\\..\\会议<记录>|1.pdf", "%PDF-1.4\n% 协商记录\n"u8.ToArray())).Json(HttpStatusCode.Created);
        Assert.Equal("会议_记录__1.pdf", named.Str("fileName"));

        var download = await f.Village.GetAsync($"/api/attachments/{named.Str("id")}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await f.Village.GetAsync($"/api/attachments/{fine.Str("id")}")).StatusCode);
    }
}
