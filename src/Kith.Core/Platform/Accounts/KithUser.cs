using Microsoft.AspNetCore.Identity;

namespace Kith.Core.Platform.Accounts;

/// <summary>An account. Staff accounts use two-factor sign-in; see <see cref="KithRoles.Staff"/>.</summary>
public class KithUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>UTC instant the account was created.</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>The roles of Kith.</summary>
public static class KithRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Practitioner = nameof(Practitioner);
    public const string Manager = nameof(Manager);
    public const string CommunityEditor = nameof(CommunityEditor);
    public const string Person = nameof(Person);

    public static readonly IReadOnlyList<string> All = [Administrator, Practitioner, Manager, CommunityEditor, Person];

    /// <summary>Roles held by staff, who must set up two-factor sign-in.</summary>
    public static readonly IReadOnlyList<string> Staff = [Administrator, Practitioner, Manager];

    /// <summary>Roles that may add and edit community assets; a community editor only their organisations' (see <c>ListingEditors</c>).</summary>
    public const string AssetEditors = $"{Administrator},{Practitioner},{CommunityEditor}";
}
