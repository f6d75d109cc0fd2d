using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Notifications;
using Kith.Data.Sqlite;
using Kith.Web.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Accounts and sign-in. Bound from the <c>Accounts</c> section.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Folder for the data-protection key ring (it signs the sign-in cookie, so sign-ins survive a
    /// restart only if it persists). Empty means a <c>keys</c> folder beside the SQLite database
    /// (<c>data/keys</c> by default), or <c>data/keys</c> under the working folder with PostgreSQL.
    /// </summary>
    public string? DataProtectionKeysPath { get; set; }

    /// <summary>
    /// The public address of the site, e.g. <c>https://kith.example.org</c>, used in emailed links.
    /// Set it in production: without it links use the host of the request that asked for them.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}

/// <summary>Policy names for authorisation.</summary>
public static class KithPolicies
{
    public const string Administrator = "kith:administrator";
}

/// <summary>ASP.NET Core Identity, two-factor for staff, the notification outbox and the admin pages' authorisation.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddKithAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize > 0, "Outbox:PollInterval and Outbox:BatchSize must be positive.")
            .ValidateOnStart();

        services.AddIdentity<KithUser, IdentityRole>(AccountRules.Apply)
            .AddEntityFrameworkStores<KithDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<KithClaimsPrincipalFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountService.PasswordLinkLifetime);

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "kith.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        var keys = ResolveKeysPath(configuration);
        services.AddDataProtection().SetApplicationName("Kith").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddAuthorizationBuilder()
            .AddPolicy(KithPolicies.Administrator, policy => policy.RequireAuthenticatedUser().RequireRole(KithRoles.Administrator));
        // PostConfigure, so the conventions survive however the host orders AddRazorPages (its setup resets them).
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", KithPolicies.Administrator);
            options.Conventions.AuthorizePage("/Account/SetUpTwoFactor");
            options.Conventions.AuthorizePage("/Account/Index");
        });
        services.Configure<MvcOptions>(options => options.Filters.Add(new StaffTwoFactorPageFilter()));

        services.AddScoped<AccountService>();
        services.AddScoped<NotificationService>();
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>();
        services.TryAddSingleton(CreateSender);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    /// <summary>The sender chosen by <c>Notifications:Sender</c>; outbox-only unless set.</summary>
    internal static INotificationSender CreateSender(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        return settings.Sender switch
        {
            NotificationSenderKind.GovukNotify => new GovukNotifySender(settings.GovukNotify),
            NotificationSenderKind.Smtp => new SmtpNotificationSender(settings.Smtp),
            _ => new OutboxOnlyNotificationSender(),
        };
    }

    /// <summary>The data-protection key folder: configured, or <c>keys</c> beside the SQLite database file.</summary>
    internal static string ResolveKeysPath(IConfiguration configuration)
    {
        var configured = configuration[$"{AccountsOptions.Section}:{nameof(AccountsOptions.DataProtectionKeysPath)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!database.IsPostgres)
        {
            var source = new SqliteConnectionStringBuilder(database.ConnectionString ?? SqliteDatabase.DefaultConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder) && !source.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
            {
                return Path.Combine(folder, "keys");
            }
        }

        return Path.GetFullPath(Path.Combine("data", "keys"));
    }
}
