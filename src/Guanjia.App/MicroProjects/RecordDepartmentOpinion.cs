using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

/// <summary>A relevant town department (finance, agriculture/forestry/water, housing, natural resources, …) gives its opinion and may sign off the form (R-MS-08, R-MS-09).</summary>
public static class RecordDepartmentOpinion
{
    public sealed record Request(string? Opinion, bool? Agrees, bool? SignedOff);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "RecordDepartmentOpinion", null, ct);
        new Check().Required("opinion", r.Opinion, "审核意见", "Opinion").MaxLength("opinion", r.Opinion, 1000, "审核意见", "Opinion")
            .When(r.Agrees is null, "agrees", "required", "请选择是否同意", "agrees is required").ThrowIfFailed();
        var dept = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == db.Actor.OrganizationId, ct);
        if (dept is null || dept.Kind != OrganizationKind.TownDepartment || dept.ParentId != p.TownId)
            throw new Forbidden("只有本镇（街道）的职能部门可以出具审核意见", "Only a department of the project's town may give an opinion");
        db.DepartmentOpinions.Add(new DepartmentOpinion
        {
            Id = Guid.CreateVersion7(), ProjectId = p.Id, ScopePath = p.ScopePath, DepartmentId = dept.Id, DepartmentName = dept.Name,
            Opinion = r.Opinion!.Trim(), Agrees = r.Agrees!.Value, SignedOff = r.SignedOff == true, At = s.Clock.GetUtcNow(),
            ById = db.Actor.Id, ByName = db.Actor.Name,
        });
        await ProjectSteps.FireAsync(db, s, p, "RecordDepartmentOpinion", null, s.Workflow.At(), ct);
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
