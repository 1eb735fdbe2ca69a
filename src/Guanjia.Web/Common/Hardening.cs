using System.Text.Json.Serialization.Metadata;
using Guanjia.App.Accounts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Guanjia.Web.Common;

/// <summary>
/// What the host needs on the open internet (issue 16), in one place: the text rule on every JSON body (ADR 0030),
/// and an OpenAPI document that names every type once.
/// </summary>
public static class Hardening
{
    public static IServiceCollection AddGuanjiaHardening(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new CleanTextConverter()));
        services.AddSingleton(SignInLimits.From(config));
        services.AddSingleton<SignInThrottle>();
        services.Configure<OpenApiOptions>("v1", o =>
        {
            o.CreateSchemaReferenceId = SchemaId;
            // The cleaning converter hides from the schema generator that a string is a string: say it again.
            o.AddSchemaTransformer((schema, ctx, _) =>
            {
                if (ctx.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.Properties is not { Count: > 0 })
                {
                    schema.Type = JsonSchemaType.String;
                    if (ctx.JsonPropertyInfo is { } p && (p.IsGetNullable || p.IsSetNullable)) schema.Type |= JsonSchemaType.Null;
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Schema names from the type and the types it is nested in (<c>SignIn.Request</c> → <c>SignInRequest</c>), so
    /// that the many use cases' <c>Request</c>, <c>Create</c> and <c>Update</c> records get a schema each.
    /// </summary>
    public static string? SchemaId(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null) return null;
        var t = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return t.Name.Contains("AnonymousType", StringComparison.Ordinal) ? id : Name(t);
    }

    private static string Name(Type t)
    {
        var own = t.Name;
        var tick = own.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) own = own[..tick];
        if (t.IsArray) return Name(t.GetElementType()!) + "Array";
        var outer = t.IsNested && !t.IsGenericParameter ? Name(t.DeclaringType!) : "";
        var args = t.IsGenericType ? "Of" + string.Join("And", t.GetGenericArguments().Select(Name)) : "";
        return outer + own + args;
    }
}
