using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Core.Tests.Infrastructure;

/// <summary>The services around accounts, on a test database, with the app's own account rules.</summary>
public static class TestServices
{
    /// <summary>Adds the clock, the context on <paramref name="database"/>, Identity, notifications and <see cref="AccountService"/>.</summary>
    public static IdentityBuilder AddKithAccounts(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddScoped(_ => database.CreateContext(clock));
        services.AddScoped<NotificationService>();
        services.AddScoped<AccountService>();
        return services.AddIdentityCore<KithUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KithDbContext>();
    }
}
