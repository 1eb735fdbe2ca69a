namespace Guanjia.Web.Common;

/// <summary>
/// The client's address for limits and lockouts: the connection's, which the forwarded-headers middleware has
/// already replaced with the real client's when the request came through a trusted proxy (docs/operations.md).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        return (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
    }
}
