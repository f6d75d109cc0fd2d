using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportFeedsSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "TaxonomyTerms",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "TaxonomyTerms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "Taxonomies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Taxonomies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportHash",
                table: "Organizations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Organizations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportHash",
                table: "Locations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Locations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportHash",
                table: "CommunityAssets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "CommunityAssets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                table: "BackgroundJobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntil",
                table: "BackgroundJobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectoryFeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastPullStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastPullFinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModifiedAfter = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextPullAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastAdded = table.Column<int>(type: "integer", nullable: false),
                    LastUpdated = table.Column<int>(type: "integer", nullable: false),
                    LastUnchanged = table.Column<int>(type: "integer", nullable: false),
                    LastRejected = table.Column<int>(type: "integer", nullable: false),
                    LastRejections = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryFeeds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyTerms_SourceKey_SourceId",
                table: "TaxonomyTerms",
                columns: new[] { "SourceKey", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Taxonomies_SourceKey_SourceId",
                table: "Taxonomies",
                columns: new[] { "SourceKey", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_SourceKey_SourceId",
                table: "Organizations",
                columns: new[] { "SourceKey", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Locations_SourceKey_SourceId",
                table: "Locations",
                columns: new[] { "SourceKey", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityAssets_SourceKey_SourceId",
                table: "CommunityAssets",
                columns: new[] { "SourceKey", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryFeeds_SourceKey",
                table: "DirectoryFeeds",
                column: "SourceKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryFeeds");

            migrationBuilder.DropIndex(
                name: "IX_TaxonomyTerms_SourceKey_SourceId",
                table: "TaxonomyTerms");

            migrationBuilder.DropIndex(
                name: "IX_Taxonomies_SourceKey_SourceId",
                table: "Taxonomies");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_SourceKey_SourceId",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Locations_SourceKey_SourceId",
                table: "Locations");

            migrationBuilder.DropIndex(
                name: "IX_CommunityAssets_SourceKey_SourceId",
                table: "CommunityAssets");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "TaxonomyTerms");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "TaxonomyTerms");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "Taxonomies");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Taxonomies");

            migrationBuilder.DropColumn(
                name: "ImportHash",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ImportHash",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "ImportHash",
                table: "CommunityAssets");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "CommunityAssets");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "BackgroundJobs");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "BackgroundJobs");
        }
    }
}
