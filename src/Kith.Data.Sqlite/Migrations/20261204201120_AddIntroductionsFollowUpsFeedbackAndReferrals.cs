using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddIntroductionsFollowUpsFeedbackAndReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NhsNumber",
                table: "People",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConnectionFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HowItIsGoing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionFeedback_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectionFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ForUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Closure = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionFollowUps_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Introductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityAssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentRecordedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentRecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConsentRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharedContact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SharedNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstResponse = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FirstRespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Introductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Introductions_CommunityAssets_CommunityAssetId",
                        column: x => x.CommunityAssetId,
                        principalTable: "CommunityAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Introductions_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Introductions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferrerClients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferrerClients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferrerClients_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdentifierSystem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdentifierValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PatientNhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PatientBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PatientPostcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PatientPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Referrals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Referrals_ReferrerClients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "ReferrerClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferrerTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferrerTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferrerTokens_ReferrerClients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "ReferrerClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_DateOfBirth",
                table: "People",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_People_NhsNumber",
                table: "People",
                column: "NhsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFeedback_ConnectionId",
                table: "ConnectionFeedback",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFeedback_PersonId",
                table: "ConnectionFeedback",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFollowUps_ConnectionId_Number",
                table: "ConnectionFollowUps",
                columns: new[] { "ConnectionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFollowUps_DoneAt_ClosedAt",
                table: "ConnectionFollowUps",
                columns: new[] { "DoneAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionFollowUps_PersonId",
                table: "ConnectionFollowUps",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_CommunityAssetId_SentAt",
                table: "Introductions",
                columns: new[] { "CommunityAssetId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_ConnectionId",
                table: "Introductions",
                column: "ConnectionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_PersonId",
                table: "Introductions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Introductions_TokenHash",
                table: "Introductions",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ClientId_IdentifierSystem_IdentifierValue",
                table: "Referrals",
                columns: new[] { "ClientId", "IdentifierSystem", "IdentifierValue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ClientId_LastModified",
                table: "Referrals",
                columns: new[] { "ClientId", "LastModified" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ConnectionId",
                table: "Referrals",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PersonId",
                table: "Referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Stage",
                table: "Referrals",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerClients_ClientKey",
                table: "ReferrerClients",
                column: "ClientKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerClients_TeamId",
                table: "ReferrerClients",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerTokens_ClientId",
                table: "ReferrerTokens",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerTokens_ExpiresAt",
                table: "ReferrerTokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerTokens_TokenHash",
                table: "ReferrerTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionFeedback");

            migrationBuilder.DropTable(
                name: "ConnectionFollowUps");

            migrationBuilder.DropTable(
                name: "Introductions");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "ReferrerTokens");

            migrationBuilder.DropTable(
                name: "ReferrerClients");

            migrationBuilder.DropIndex(
                name: "IX_People_DateOfBirth",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_NhsNumber",
                table: "People");

            migrationBuilder.DropColumn(
                name: "NhsNumber",
                table: "People");
        }
    }
}
