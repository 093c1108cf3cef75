import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { routeTable } from '../../bot/routing/route-table';
import {
  buildPackage,
  manifestProblems,
  renderManifest,
  type PackageValues,
} from '../../scripts/app-package';

const values: PackageValues = {
  MICROSOFT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
  PUBLIC_BASE_URL: 'https://casusbot.example.nl',
  PRIVACY_URL: 'https://zvh.example.nl/privacy',
  TERMS_OF_USE_URL: 'https://zvh.example.nl/voorwaarden',
  DEVELOPER_NAME: 'ZVH Rotterdam-Rijnmond',
  TEAMS_SSO_APP_ID: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
};

const png = (file: string) => PNG.sync.read(readFileSync(`manifest/${file}`));

describe('Teams app package (manifest/)', () => {
  it('validates against the official v1.22 manifest and localization schemas', () => {
    assert.deepEqual(manifestProblems(renderManifest(values)), []);
  });

  it('reports what the schema refuses', () => {
    const rendered = renderManifest(values);
    const name = rendered.manifest.name as { short: string };
    name.short = 'casusbot voor alle Zorg- en Veiligheidshuizen van Nederland';
    assert.ok(manifestProblems(rendered).some((problem) => problem.includes('/name/short')));
  });

  it('fills the app id and host from the operator values', () => {
    const { manifest } = renderManifest(values);
    assert.equal(manifest.id, values.MICROSOFT_APP_ID);
    assert.deepEqual(manifest.validDomains, ['casusbot.example.nl']);
    assert.equal((manifest.bots as { botId: string }[])[0]?.botId, values.MICROSOFT_APP_ID);
    // Teams SSO in the signing dialog: the resource the app accepts as audience (config.ts).
    assert.deepEqual(manifest.webApplicationInfo, {
      id: values.TEAMS_SSO_APP_ID,
      resource: `api://casusbot.example.nl/${values.TEAMS_SSO_APP_ID}`,
    });
  });

  it('offers exactly the commands the bot answers outside demo mode in a personal chat, and only help elsewhere', () => {
    const { manifest } = renderManifest(values);
    const lists =
      (
        manifest.bots as {
          commandLists: { scopes: string[]; commands: { title: string }[] }[];
        }[]
      )[0]?.commandLists ?? [];
    const titles = (scope: string) =>
      lists
        .filter((list) => list.scopes.includes(scope))
        .flatMap((list) => list.commands.map((command) => command.title))
        .sort();
    const answered = routeTable.commands
      .filter((route) => !route.demoOnly)
      .map((route) => route.command)
      .sort();
    assert.deepEqual(titles('personal'), answered);
    // A channel or group chat only ever gets the pointer to the personal chat.
    assert.deepEqual(titles('team'), ['help']);
    assert.deepEqual(titles('groupChat'), ['help']);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = png('color.png');
    assert.deepEqual([color.width, color.height], [192, 192]);
    const outline = png('outline.png');
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [
        outline.data[i],
        outline.data[i + 1],
        outline.data[i + 2],
        outline.data[i + 3],
      ];
      if (a === 0) transparent++;
      else assert.deepEqual([r, g, b], [255, 255, 255], 'outline pixels are white');
    }
    assert.ok(
      transparent > 0 && transparent < 32 * 32,
      'the outline has a transparent background and a shape',
    );
  });

  it('zips manifest, localization and icons at the root', async () => {
    const zip = await JSZip.loadAsync(await buildPackage(values));
    assert.deepEqual(Object.keys(zip.files).sort(), [
      'color.png',
      'en-us.json',
      'manifest.json',
      'outline.png',
    ]);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string };
    assert.equal(manifest.id, values.MICROSOFT_APP_ID);
  });
});
