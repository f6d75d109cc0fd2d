using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Protection;
using Kith.Web.People;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// The base of people's records: field encryption with the Data Protection key ring, the access service,
/// and authorisation for /people (staff) and /my (the person themselves).
/// </summary>
public static class PeopleModule
{
    /// <summary>Staff who may open people's records (the record itself then checks their teams or break-glass).</summary>
    public const string StaffPolicy = "kith:people-staff";

    /// <summary>The person's own pages under /my.</summary>
    public const string PersonPolicy = "kith:person";

    /// <summary>The roles of <see cref="StaffPolicy"/>.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [KithRoles.Practitioner, KithRoles.Manager, KithRoles.Administrator];

    public static IServiceCollection AddKithPeople(this IServiceCollection services)
    {
        services.AddSingleton<IFieldProtector, DataProtectionFieldProtector>();
        services.AddScoped<PersonAccessService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(PersonPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(KithRoles.Person));

        // The /people folder only needs a signed-in user: PersonPageModel itself refuses (403, audited)
        // anyone else, so a person or editor who tries a record's address leaves a trace.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/People", StaffPolicy);
            options.Conventions.AuthorizeFolder("/My", PersonPolicy);
        });
        return services;
    }
}

/// <summary>Protects sensitive text with the Data Protection key ring (purpose "Kith.People.ProtectedText.v1").</summary>
internal sealed class DataProtectionFieldProtector(IDataProtectionProvider provider) : IFieldProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("Kith.People.ProtectedText.v1");

    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);
}
