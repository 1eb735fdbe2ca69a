namespace Guanjia.Web.Purchasing;

public static class PurchasingEndpoints
{
    public static void MapPurchasing(this IEndpointRouteBuilder app)
    {
    }
}
