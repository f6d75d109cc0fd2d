using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Notifications;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;

namespace Kith.Web.Infrastructure;

/// <summary>Registers each module's services and endpoints. One line per module; the module owns the rest.</summary>
public static class KithModules
{
    public static IServiceCollection AddKithModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDemo(); // first: its startup step seeds before the search index is built
        services.AddKithAccounts();
        services.AddShell();
        services.AddSingleton<INotificationSender, OutboxOnlyNotificationSender>();
        services.AddScoped<AccountService>();
        services.AddPostcodes();
        services.AddKithSearch();
        services.AddPublicDirectory();
        return services;
    }

    public static IEndpointRouteBuilder MapKithEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicDirectory();
        return endpoints;
    }

    private static void AddKithAccounts(this IServiceCollection services)
    {
        services.AddIdentity<KithUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<KithDbContext>()
            .AddDefaultTokenProviders();

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
    }
}
