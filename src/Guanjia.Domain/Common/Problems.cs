namespace Guanjia.Domain.Common;

/// <summary>One field-level error, in Chinese (the users' language) and English.</summary>
public sealed record FieldError(string Field, string Code, string Zh, string En);

/// <summary>
/// Domain failures that the web host turns into RFC 9457 ProblemDetails. Thrown before anything is
/// saved, so a failed request never leaves half a change behind.
/// </summary>
public abstract class DomainProblem(string code, string zh, string en) : Exception(en)
{
    public string Code { get; } = code;
    public string Zh { get; } = zh;
    public string En { get; } = en;
}

public sealed class ValidationFailed : DomainProblem
{
    public ValidationFailed(IReadOnlyList<FieldError> errors)
        : base("validation", "提交的内容有误", "The request has invalid fields") => Errors = errors;

    public ValidationFailed(string field, string code, string zh, string en)
        : this([new FieldError(field, code, zh, en)]) { }

    public IReadOnlyList<FieldError> Errors { get; }
}

public sealed class NotFound(string entity, string zh, string en) : DomainProblem("not_found", zh, en)
{
    public string Entity { get; } = entity;
}

public sealed class Forbidden(string zh, string en) : DomainProblem("forbidden", zh, en);

public sealed class Conflict(string zh, string en) : DomainProblem("conflict", zh, en);

/// <summary>Asked too often (a verification code, say); RetryAfter says when to ask again.</summary>
public sealed class TooManyRequests(string zh, string en, TimeSpan retryAfter) : DomainProblem("rate_limited", zh, en)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Collects field errors, then throws them together so the user sees every mistake at once.</summary>
public sealed class Check
{
    private readonly List<FieldError> _errors = [];
    private string? _prefix;

    public bool Ok => _errors.Count == 0;

    public Check Add(string field, string code, string zh, string en)
    {
        _errors.Add(new FieldError(_prefix + field, code, zh, en));
        return this;
    }

    /// <summary>Names the fields added from now on inside a nested object ("wish." + "wishKind"); null ends it.</summary>
    public Check Prefix(string? prefix)
    {
        _prefix = prefix;
        return this;
    }

    public Check Required(string field, string? value, string zhName, string enName)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "required", $"{zhName}不能为空", $"{enName} is required");
        return this;
    }

    public Check MaxLength(string field, string? value, int max, string zhName, string enName)
    {
        if (value is not null && value.Length > max)
            Add(field, "too_long", $"{zhName}不能超过{max}个字符", $"{enName} must be at most {max} characters");
        return this;
    }

    public Check When(bool failed, string field, string code, string zh, string en)
    {
        if (failed) Add(field, code, zh, en);
        return this;
    }

    public void ThrowIfFailed()
    {
        if (_errors.Count > 0) throw new ValidationFailed(_errors.ToList());
    }
}
