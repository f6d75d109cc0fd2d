using Kith.Web.Infrastructure.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The web shell: layout services (the demo-data banner) shared by every page.</summary>
public static class ShellModule
{
    public static IServiceCollection AddShell(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        services.AddMemoryCache();
        services.AddScoped<DemoAreaNotice>();
        services.Configure<MvcOptions>(options => options.Filters.Add(new ExpiredFormFilter()));
        return services;
    }
}
