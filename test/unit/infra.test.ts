import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { envSchema, variableSources } from '../../src/config/environment';
import containers from '../../src/storage/cosmos-containers.json';
import { declaration, moduleUses, params, readBicep, upperSnakeKeys } from '../helpers/bicep-text';

const infra = 'infra';
const bicepFiles = [
  join(infra, 'main.bicep'),
  ...readdirSync(join(infra, 'modules')).map((file) => join(infra, 'modules', file)),
];
const paramFiles = readdirSync(join(infra, 'environments')).map((file) =>
  join(infra, 'environments', file),
);
const appServiceFile = join(infra, 'modules', 'app-service.bicep');

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

describe('infra (Bicep) against the app', () => {
  describe('app settings ↔ configuration schema (drift)', () => {
    const appSettings = declaration(readBicep(appServiceFile), 'var appSettings =');
    const set = upperSnakeKeys(appSettings);
    const read = Object.entries(variableSources)
      .filter(([, source]) => source === 'bicep')
      .map(([name]) => name);

    it('places every variable of the schema, and only those', () => {
      assert.deepEqual(sorted(Object.keys(variableSources)), sorted(Object.keys(envSchema.shape)));
    });

    it('sets every variable the app reads in Azure', () => {
      assert.deepEqual(
        read.filter((name) => !set.includes(name)),
        [],
        'read by the app, never set by infra/modules/app-service.bicep',
      );
    });

    it('sets nothing the app ignores, and nothing twice', () => {
      assert.deepEqual(
        set.filter((name) => !read.includes(name)),
        [],
        'set by infra/modules/app-service.bicep, but not read by the app in Azure',
      );
      assert.equal(new Set(set).size, set.length, `duplicates in ${set.join(', ')}`);
    });

    it('never sets a platform or local-only variable such as DEMO_MODE, in any template', () => {
      const forbidden = Object.entries(variableSources)
        .filter(([, source]) => source !== 'bicep')
        .map(([name]) => name);
      for (const file of bicepFiles) {
        const text = readBicep(file);
        for (const name of forbidden) assert.ok(!text.includes(name), `${name} in ${file}`);
      }
    });

    it('gives the web app exactly that object, and no app settings anywhere else', () => {
      const appService = readBicep(appServiceFile);
      assert.match(appService, /appSettings:\s*\[for \w+ in items\(appSettings\)/);
      const outside = appService.replace(appSettings, '');
      assert.deepEqual(upperSnakeKeys(outside), []);
      for (const file of bicepFiles) {
        const text = readBicep(file);
        assert.ok(!text.includes('Microsoft.Web/sites/config'), `separate site config in ${file}`);
        if (file !== appServiceFile) assert.deepEqual(upperSnakeKeys(text), [], file);
      }
    });
  });

  describe('the Node.js runtime', () => {
    it('is the same major in App Service, package.json engines, .nvmrc and .node-version', () => {
      const runtimes = [...readBicep(appServiceFile).matchAll(/linuxFxVersion:\s*'([^']*)'/g)];
      assert.equal(runtimes.length, 1, 'one linuxFxVersion in app-service.bicep');
      const runtime = /^NODE\|(\d+)-lts$/.exec(runtimes[0]![1]!);
      assert.ok(runtime, `an LTS line of Node.js, not ${runtimes[0]![1]!}`);
      const major = runtime[1]!;

      const { engines } = JSON.parse(readFileSync('package.json', 'utf8')) as {
        engines: { node: string };
      };
      assert.equal(engines.node, `>=${major}`, 'engines allow the deployed major and later');
      for (const file of ['.nvmrc', '.node-version']) {
        assert.equal(readFileSync(file, 'utf8').trim(), major, file);
      }
    });

    it('is the major that CI and scripts/use-node24.sh put on PATH', () => {
      const major = /NODE\|(\d+)-lts/.exec(readBicep(appServiceFile))?.[1];
      assert.ok(major, 'app-service.bicep names a Node.js LTS line');
      assert.match(
        readFileSync('scripts/use-node24.sh', 'utf8'),
        new RegExp(`local major=${major}\\b`),
      );
      assert.match(readFileSync('.ci/run', 'utf8'), /^source scripts\/use-node24\.sh$/m);
    });
  });

  describe('Cosmos DB', () => {
    const cosmos = readBicep(join(infra, 'modules', 'cosmos.bicep'));

    it('creates the containers from the same JSON file the app uses', () => {
      const match = /loadJsonContent\('([^']+)'\)/.exec(cosmos);
      assert.ok(match, 'cosmos.bicep loads the container definitions');
      assert.equal(
        resolve(join(infra, 'modules'), match[1]!),
        resolve('src/storage/cosmos-containers.json'),
      );
      assert.match(cosmos, /paths:\s*container\.value\.partitionKeyPaths/);
      assert.match(cosmos, /indexingPolicy:\s*container\.value\.indexingPolicy/);
    });

    it('indexes every path the casus queries filter or sort on', () => {
      // A projection (SELECT … FROM c) reads fields without an index; filters and sorts need one.
      const source = readFileSync('src/storage/cosmos-casus.repository.ts', 'utf8').replace(
        /SELECT[^`']*?FROM c\b/g,
        '',
      );
      const aliases = new Map(
        [...source.matchAll(/\b(\w) IN c\.([\w.]+)/g)].map((m) => [m[1]!, `${m[2]!}.[]`]),
      );
      const queried = new Set<string>();
      for (const match of source.matchAll(/\b(\w)\.([a-zA-Z][\w]*(?:\.[a-zA-Z]\w*)*)/g)) {
        const [, root, path] = match;
        if (root === 'c') queried.add(path!);
        else if (aliases.has(root!)) queried.add(`${aliases.get(root!)!}.${path!}`);
      }
      // The aliased arrays themselves are walked, not compared.
      for (const array of aliases.values()) queried.delete(array.slice(0, -3));
      assert.ok(queried.size >= 6, `found the queried paths: ${sorted(queried).join(', ')}`);

      const included = containers.casussen.indexingPolicy.includedPaths.map((p) => p.path);
      for (const path of queried) {
        const indexPath = `/${path.split('.').join('/')}/?`;
        assert.ok(included.includes(indexPath), `${indexPath} is not indexed on casussen`);
      }
    });

    it('keeps casus content (answers, motivations, audit) out of the index', () => {
      const included = containers.casussen.indexingPolicy.includedPaths.map((p) => p.path);
      assert.deepEqual(
        containers.casussen.indexingPolicy.excludedPaths.map((p) => p.path),
        ['/*'],
      );
      for (const path of included) assert.doesNotMatch(path, /intake|audit|motivation/i);
    });
  });

  describe('templates hang together (no Bicep compiler here)', () => {
    it('passes every required module parameter and no unknown one', () => {
      const main = readBicep(join(infra, 'main.bicep'));
      const uses = moduleUses(main);
      assert.ok(uses.length >= 6);
      for (const use of uses) {
        const file = join(infra, use.path);
        assert.ok(existsSync(file), `${use.path} exists`);
        const declared = params(readBicep(file));
        const names = declared.map((p) => p.name);
        assert.deepEqual(
          use.passed.filter((name) => !names.includes(name)),
          [],
          `unknown params for ${use.symbol}`,
        );
        assert.deepEqual(
          declared.filter((p) => !p.hasDefault && !use.passed.includes(p.name)).map((p) => p.name),
          [],
          `missing params for ${use.symbol}`,
        );
      }
    });

    it('uses a module output only where the module declares it', () => {
      const main = readBicep(join(infra, 'main.bicep'));
      const files = new Map(moduleUses(main).map((use) => [use.symbol, join(infra, use.path)]));
      for (const match of main.matchAll(/\b(\w+)\.outputs\.(\w+)/g)) {
        const file = files.get(match[1]!);
        assert.ok(file, `${match[1]!} is a module`);
        assert.match(readBicep(file), new RegExp(`^output\\s+${match[2]!}\\s`, 'm'), match[0]);
      }
    });

    it('has a parameters file per environment that sets only declared parameters', () => {
      const declared = params(readBicep(join(infra, 'main.bicep')));
      const environments = new Set<string>();
      for (const file of paramFiles) {
        const text = readBicep(file);
        const using = /^using\s+'([^']+)'/m.exec(text);
        assert.ok(using, `${file} says which template it is for`);
        assert.equal(resolve(dirname(file), using[1]!), resolve(infra, 'main.bicep'));
        const set = [...text.matchAll(/^param\s+(\w+)\s*=/gm)].map((m) => m[1]!);
        for (const name of set)
          assert.ok(
            declared.some((p) => p.name === name),
            `${file}: ${name}`,
          );
        for (const p of declared.filter((d) => !d.hasDefault)) {
          assert.ok(set.includes(p.name), `${file} sets the required ${p.name}`);
        }
        environments.add(/^param\s+environmentName\s*=\s*'(\w+)'/m.exec(text)?.[1] ?? '');
        assert.doesNotMatch(text, /param\s+botAppPassword\s*=\s*'/, `${file}: a literal secret`);
      }
      assert.deepEqual(sorted(environments), ['prod', 'test']);
    });
  });

  describe('the operator docs', () => {
    const docs = ['README.md', join(infra, 'README.md'), join('manifest', 'README.md')].map(
      (file) => ({ file, text: readFileSync(file, 'utf8') }),
    );

    it('read only deployment outputs that main.bicep declares', () => {
      const main = readBicep(join(infra, 'main.bicep'));
      const used = docs.flatMap(({ text }) => [...text.matchAll(/\$\(output (\w+)\)/g)]);
      assert.ok(used.length >= 5, 'the README reads the outputs');
      for (const [call, name] of used) {
        assert.match(main, new RegExp(`^output\\s+${name!}\\s`, 'm'), call);
      }
    });

    it('run only npm scripts that exist', () => {
      const scripts = Object.keys(
        (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: object }).scripts,
      );
      for (const { file, text } of docs) {
        for (const [, name] of text.matchAll(/npm run ([\w:-]+)/g)) {
          assert.ok(scripts.includes(name!), `${file}: npm run ${name!}`);
        }
      }
    });

    it('deploy the parameters files that exist', () => {
      for (const { file, text } of docs) {
        for (const [, path] of text.matchAll(/(infra\/environments\/[\w.-]+\.bicepparam)/g)) {
          assert.ok(existsSync(path!), `${file}: ${path!}`);
        }
      }
    });
  });
});
