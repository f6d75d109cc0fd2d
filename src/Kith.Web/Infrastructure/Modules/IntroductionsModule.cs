using Kith.Core.Connections.Introductions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Introductions with consent, the group's secure link, the groups' inbox and responsiveness (ADR 20).</summary>
public static class IntroductionsModule
{
    public static IServiceCollection AddKithIntroductions(this IServiceCollection services)
    {
        services.AddOptions<IntroductionOptions>()
            .BindConfiguration(IntroductionOptions.Section)
            .Validate(o => o.LinkLifetimeDays is >= 1 and <= 365, "Introductions:LinkLifetimeDays must be from 1 to 365.")
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<IntroductionOptions>>().Value);
        services.AddScoped<IntroductionService>();
        services.AddScoped<ResponsivenessService>();

        // PostConfigure: AddRazorPages, called after the modules, resets the conventions.
        services.PostConfigure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Manage/Introductions", EditingModule.AssetEditorsPolicy));
        return services;
    }
}
