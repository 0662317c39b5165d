// Settings → Your data → "Keep a copy in a folder", over a real FolderService and a real folder
// (origin private file system) picked by a stand-in for the browser's picker.

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import '../../src/components/stride-backup-folder.js';
import type { StrideBackupFolder } from '../../src/components/stride-backup-folder.js';
import type { FolderService } from '../../src/services/folder-service.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import type { FolderHandle } from '../../src/store/backup-folder-files.js';
import { type TestFolder, filesOf, run } from '../store/backup-folder-rig.js';
import { folderRig, forgetStoredFolder, freshFolderEachTest, settled } from '../services/folder-rig.js';

useSeparateDatabase('stride-test-backup-folder-component');

let folder: TestFolder;
freshFolderEachTest((fresh) => (folder = fresh));

async function section(service: FolderService) {
  await service.ready;
  const element = await fixture<StrideBackupFolder>(html`<stride-backup-folder .folder=${service}></stride-backup-folder>`);
  const root = element.shadowRoot!;
  const text = () => root.textContent!.replace(/\s+/g, ' ').trim();
  const click = async (id: string) => {
    root.querySelector<HTMLButtonElement>(`#${id}`)!.click();
    await waitUntil(() => !element.busy, `${id} done`, { timeout: 10_000 });
    await settled(service);
    await element.updateComplete;
  };
  return { element, root, text, click };
}

describe('stride-backup-folder', () => {
  it('offers a folder, then says where, how many runs and when; stopping leaves the files', async () => {
    await saveSession(run(1));
    const { folder: service } = folderRig(async () => folder.dir);
    const { element, root, text, click } = await section(service);
    expect(text()).to.match(/Keep a copy in a folder.*written to a folder you choose/);
    await expect(element).to.be.accessible();
    await click('choose');
    expect(text()).to.include(`Keeping a copy in “${folder.name}”: 1 run there, last written`);
    expect(root.querySelector('#change')).to.exist;
    await expect(element).to.be.accessible();
    const files = await filesOf(folder.dir);
    await click('forget');
    expect(service.status.kind).to.equal('none');
    expect(root.querySelector('#message')!.textContent).to.match(/files already there stay/);
    expect(await filesOf(folder.dir)).to.deep.equal(files);
  });

  it('a cancelled picker says nothing', async () => {
    const { folder: service } = folderRig(async () => {
      throw new DOMException('The user aborted a request.', 'AbortError');
    });
    const { root, click } = await section(service);
    await click('choose');
    expect(root.querySelector('#message')).to.equal(null);
    expect(root.querySelector('#choose')).to.exist;
  });

  it('says why on a browser without the API, with no buttons', async () => {
    const { folder: service } = folderRig(null);
    const { element, root, text } = await section(service);
    expect(text()).to.match(/no File System Access API.*Download a backup of everything/);
    expect(root.querySelectorAll('button')).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('asks for permission again on Allow, and writes what waited', async () => {
    await saveSession(run(1));
    const { folder: service, history } = folderRig(async () => folder.dir);
    const { root, text, click } = await section(service);
    await click('choose');
    let permission: PermissionState = 'prompt';
    folder.dir.queryPermission = async () => permission;
    folder.dir.requestPermission = async () => (permission = 'granted');
    await saveSession(run(2));
    await history.load();
    await settled(service);
    const element = root.host as StrideBackupFolder;
    await element.updateComplete;
    expect(text()).to.match(/needs your permission again/);
    await click('allow');
    expect(text()).to.include('2 runs there');
  });

  it('restores on a browser with no folder chosen by asking for one, and says what came in', async function () {
    this.timeout(20_000);
    await saveSession(run(1, { name: 'Easy' }));
    await saveSession(run(2));
    const writer = folderRig(async () => folder.dir);
    await writer.folder.choose();
    await settled(writer.folder);
    await clear(kvStore());
    await forgetStoredFolder();
    await saveSession(run(2));
    let picked = 0;
    const { folder: service } = folderRig(async () => {
      picked++;
      return folder.dir;
    });
    const { root, click } = await section(service);
    await click('restore');
    expect(picked).to.equal(1);
    expect(root.querySelector('#message')!.textContent).to.equal('Added 1 run; 1 already here was skipped.');
  });

  it('shows a folder\'s name as text', async () => {
    const parent = await navigator.storage.getDirectory();
    const odd = (await parent.getDirectoryHandle('<img src=x onerror=alert(1)> runs', { create: true })) as FolderHandle;
    try {
      const { folder: service } = folderRig(async () => odd);
      const { root, click } = await section(service);
      await click('choose');
      expect(root.querySelector('img')).to.equal(null);
      expect(root.querySelector('.folder-name')!.textContent).to.equal('“<img src=x onerror=alert(1)> runs”');
    } finally {
      await parent.removeEntry('<img src=x onerror=alert(1)> runs', { recursive: true });
    }
  });
});
