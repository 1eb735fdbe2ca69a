using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

public sealed partial class GuanjiaDb
{
    private static void ConfigurePurchasing(ModelBuilder m)
    {
    }
}
