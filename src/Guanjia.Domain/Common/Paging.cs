namespace Guanjia.Domain.Common;

public sealed record PageRequest(int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;

    public void Validate()
    {
        new Check()
            .When(Page < 1, "page", "out_of_range", "页码必须从 1 开始", "page must be 1 or more")
            .When(PageSize is < 1 or > MaxPageSize, "pageSize", "out_of_range",
                $"每页条数必须在 1 到 {MaxPageSize} 之间", $"pageSize must be between 1 and {MaxPageSize}")
            .ThrowIfFailed();
    }

    public int Skip => (Page - 1) * PageSize;
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
