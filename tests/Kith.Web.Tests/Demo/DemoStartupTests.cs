using Kith.Core.Data;
using Kith.Core.Directory.Demo;
using Kith.Core.Platform;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Demo;

public class DemoStartupTests
{
    [Fact]
    public async Task The_first_start_seeds_the_demo_area_before_the_other_startup_steps_and_a_restart_does_not_seed_again()
    {
        await using var factory = new KithWebFactory { SeedDemoArea = true };
        using (var client = factory.CreateClient())
        {
            var steps = factory.Services.GetServices<IStartupStep>().ToList();
            Assert.Equal("DemoSeedStartupStep", steps[0].GetType().Name);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            Assert.True(await db.CommunityAssets.CountAsync() >= 320);
            Assert.Equal(DemoAreaSeeder.AreaName, (await db.SystemSettings.SingleAsync(s => s.Key == SystemSettingKeys.DemoArea)).Value);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
            var admin = await users.FindByEmailAsync("admin@demo.kith.invalid");
            Assert.NotNull(admin);
            Assert.True(await users.CheckPasswordAsync(admin, KithWebFactory.DemoPassword));
            Assert.True(await users.IsInRoleAsync(admin, KithRoles.Administrator));

            // A second start on the same database finds assets and leaves them alone.
            await scope.ServiceProvider.GetServices<IStartupStep>().First().RunAsync(CancellationToken.None);
            Assert.Equal(5, await db.Users.CountAsync());
        }
    }
}
