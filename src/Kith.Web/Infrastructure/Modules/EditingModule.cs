using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Journeys;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Adding and editing community assets: services, the editors' policy and the /manage/assets pages.</summary>
public static class EditingModule
{
    /// <summary>The policy every page under Pages/Manage/Assets needs: one of <see cref="KithRoles.AssetEditors"/>.</summary>
    public const string AssetEditorsPolicy = "kith:asset-editors";

    public static IServiceCollection AddKithEditing(this IServiceCollection services)
    {
        services.AddScoped<AssetService>();
        services.AddScoped<JourneyDraftService>();
        services.AddSingleton<IStartupStep, StaleDraftCleanup>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AssetEditorsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(KithRoles.AssetEditors.Split(',')));

        // PostConfigure: AddRazorPages, called after the modules, resets the conventions.
        services.AddScoped<ListingEditors>();
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Manage/Assets", AssetEditorsPolicy);
            options.Conventions.AddFolderApplicationModelConvention("/Manage/Assets", page => page.Filters.Add(new ListingScopePageFilter(proposals: false)));
        });
        return services;
    }
}

/// <summary>At start, deletes journey drafts nobody has touched for <see cref="KeepFor"/>: they can hold contact details.</summary>
internal sealed class StaleDraftCleanup(IServiceScopeFactory scopes, TimeProvider clock) : IStartupStep
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<JourneyDraftService>();
        await drafts.DeleteStaleAsync(clock.GetUtcNow().UtcDateTime - KeepFor, cancellationToken);
    }
}
