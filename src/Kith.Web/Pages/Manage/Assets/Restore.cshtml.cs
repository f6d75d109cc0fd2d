using Kith.Core.Directory;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kith.Web.Pages.Manage.Assets;

public sealed class RestoreModel(AssetService assets, UserManager<KithUser> users) : ArchiveOrRestoreModel(assets, users)
{
    protected override bool Archiving => false;
}
