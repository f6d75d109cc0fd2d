using Microsoft.AspNetCore.Identity;

namespace Kith.Core.Platform.Accounts;

/// <summary>Kith's account rules, in one place for the web app and for anything else that creates accounts.</summary>
public static class AccountRules
{
    /// <summary>A long password beats a complicated one; no other rules.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Failed sign-ins in a row before the account is locked for <see cref="LockoutTime"/>.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>Applies the rules to Identity's options.</summary>
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
    }
}
