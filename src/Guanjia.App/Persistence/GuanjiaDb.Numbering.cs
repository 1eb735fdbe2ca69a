using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

public sealed partial class GuanjiaDb
{
    public DbSet<NumberSeries> NumberSeries => Set<NumberSeries>();

    private static void ConfigureNumbering(ModelBuilder m) => m.Entity<NumberSeries>(e =>
    {
        e.ToTable("number_series");
        e.HasKey(x => x.Series);
        e.Property(x => x.Series).HasMaxLength(20);
    });
}
