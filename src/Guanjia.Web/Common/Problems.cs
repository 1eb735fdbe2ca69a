using System.Text.Json;
using Guanjia.App.Accounts;
using Guanjia.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web.Common;

/// <summary>
/// Turns every failure into RFC 9457 ProblemDetails: a Chinese title (the users' language) with the
/// English beside it, and per-field errors in both. Nothing internal leaks from a 500.
/// </summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception ex, CancellationToken ct)
    {
        var pd = ex switch
        {
            ValidationFailed v => Validation(v.Errors),
            SignInFailed s => Make(s.Code == "locked" ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized, s.Code, s.Zh, s.En,
                s.LockedUntil is { } until ? new() { ["lockedUntil"] = until } : null),
            NotFound n => Make(StatusCodes.Status404NotFound, n.Code, n.Zh, n.En),
            Forbidden f => Make(StatusCodes.Status403Forbidden, f.Code, f.Zh, f.En),
            Conflict c => Make(StatusCodes.Status409Conflict, c.Code, c.Zh, c.En),
            Guanjia.App.CivilAffairs.CaseworkConflict c => Make(StatusCodes.Status409Conflict, c.Code, c.Zh, c.En, c.Extra),
            TooManyRequests t => RetryAfter(http, t),
            DbUpdateConcurrencyException => Make(StatusCodes.Status409Conflict, "conflict",
                "记录已被他人修改，请刷新后重试", "The record was changed by someone else; reload and retry"),
            DbUpdateException when IsUniqueViolation(ex) => Make(StatusCodes.Status409Conflict, "conflict",
                "相同的记录已经存在（可能是同时提交）", "The same record already exists (possibly submitted twice at once)"),
            BadHttpRequestException b => BadRequest(b),
            _ => null,
        };
        if (pd is null)
        {
            log.LogError(ex, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            pd = Make(StatusCodes.Status500InternalServerError, "server_error", "服务器内部错误，请稍后重试", "Internal server error; please retry later");
        }
        http.Response.StatusCode = pd.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd, Exception = ex });
    }

    private static ProblemDetails RetryAfter(HttpContext http, TooManyRequests t)
    {
        var seconds = (int)Math.Ceiling(Math.Max(1, t.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Make(StatusCodes.Status429TooManyRequests, t.Code, t.Zh, t.En, new() { ["retryAfterSeconds"] = seconds });
    }

    public static ProblemDetails Make(int status, string code, string zh, string en, Dictionary<string, object?>? extra = null)
    {
        var pd = new ProblemDetails { Status = status, Title = zh, Detail = en, Type = $"https://guanjia.dev/problems/{code}" };
        pd.Extensions["code"] = code;
        pd.Extensions["titleEn"] = en;
        foreach (var (k, v) in extra ?? []) pd.Extensions[k] = v;
        return pd;
    }

    public static ProblemDetails Validation(IReadOnlyList<FieldError> errors)
    {
        var pd = Make(StatusCodes.Status400BadRequest, "validation", "提交的内容有误", "The request has invalid fields");
        pd.Extensions["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Zh).ToArray());
        pd.Extensions["errorsEn"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.En).ToArray());
        pd.Extensions["fieldErrors"] = errors.Select(e => new { field = e.Field, code = e.Code, zh = e.Zh, en = e.En }).ToArray();
        return pd;
    }

    private static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        // Malformed JSON or a value of the wrong type: name the field the way the client wrote it.
        if (b.InnerException is JsonException j)
        {
            var field = (j.Path ?? "$").TrimStart('$').TrimStart('.');
            if (field.Length == 0) field = "body";
            if (j.Message.Contains(DateBounds.Marker, StringComparison.Ordinal) || j.InnerException?.Message.Contains(DateBounds.Marker, StringComparison.Ordinal) == true) return Validation([DateBounds.Error(field)]);
            return Validation([new FieldError(field, "invalid_value", $"字段“{field}”的值格式不正确", $"The value of '{field}' is not valid")]);
        }
        var param = System.Text.RegularExpressions.Regex.Match(b.Message, "parameter \"[^\"]* (?<name>[^\" ]+)\"").Groups["name"].Value;
        if (param.Length > 0)
            return Validation([new FieldError(param, "invalid_value", $"参数“{param}”的值格式不正确", $"The value of '{param}' is not valid")]);
        return b.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Make(413, "too_large", "提交的内容过大", "The request is too large")
            : Make(StatusCodes.Status400BadRequest, "bad_request", "请求格式不正确", "The request is malformed");
    }

    private static bool IsUniqueViolation(Exception ex) =>
        ex.InnerException?.Message is { } m &&
        (m.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || m.Contains("23505", StringComparison.Ordinal)
            || m.Contains("duplicate key", StringComparison.Ordinal));
}
