using System.Text.Json;
using Guanjia.App.Appeals;
using Guanjia.App.Attachments;
using Guanjia.Domain.Common;

namespace Guanjia.Web.Appeals;

/// <summary>
/// The portal's appeal arrives as JSON, or — when the resident adds photos — as multipart form data with the same
/// JSON in the field <c>appeal</c> and the pictures in <c>photos</c>, so appeal and photos are saved in one go.
/// </summary>
public static class PortalAppealRequest
{
    public static async Task<(SubmitPublicAppeal.Request Body, IReadOnlyList<UploadAttachment.Request> Photos)> ReadAsync(HttpRequest http,
        CancellationToken ct)
    {
        if (!http.HasFormContentType)
            return (await ParseAsync(() => http.ReadFromJsonAsync<SubmitPublicAppeal.Request>(ct).AsTask()), []);
        var form = await http.ReadFormAsync(ct);
        var json = form["appeal"].ToString();
        if (string.IsNullOrWhiteSpace(json))
            throw new ValidationFailed("appeal", "required", "缺少诉求内容（表单字段 appeal）", "The form field 'appeal' is missing");
        var options = http.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
        var body = await ParseAsync(() => Task.FromResult(JsonSerializer.Deserialize<SubmitPublicAppeal.Request>(json, options)));
        var photos = form.Files.GetFiles("photos")
            .Select(f => new UploadAttachment.Request(null, f.FileName, f.ContentType, f.Length, f.OpenReadStream())).ToList();
        return (body, photos);
    }

    private static async Task<SubmitPublicAppeal.Request> ParseAsync(Func<Task<SubmitPublicAppeal.Request?>> read)
    {
        try
        {
            return await read() ?? throw new ValidationFailed("body", "required", "缺少诉求内容", "The request body is missing");
        }
        catch (JsonException j)
        {
            // Reported like any malformed body: the field as the client wrote it.
            throw new BadHttpRequestException("Malformed appeal", StatusCodes.Status400BadRequest, j);
        }
    }
}
