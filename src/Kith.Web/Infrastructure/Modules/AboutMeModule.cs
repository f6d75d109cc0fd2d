using Kith.Core.Data;
using Kith.Core.People.AboutMe;
using Kith.Core.People.Conversations;
using Kith.Core.Platform.Audit;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>About Me and conversations: their services and the default prompt sets.</summary>
public static class AboutMeModule
{
    public static IServiceCollection AddKithAboutMe(this IServiceCollection services)
    {
        services.AddScoped<AboutMeService>();
        services.AddScoped<ConversationService>();
        services.AddScoped<PromptSetService>();
        services.AddSingleton<IStartupStep, DefaultPromptSetsStartupStep>();
        return services;
    }
}

/// <summary>At start, adds the default prompt sets when there are none.</summary>
internal sealed class DefaultPromptSetsStartupStep(IServiceScopeFactory scopes) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<KithDbContext>().Actor = ProcessContext.System("default prompt sets");
        await scope.ServiceProvider.GetRequiredService<PromptSetService>().SeedDefaultsAsync(cancellationToken);
    }
}
