// The shell's notice for a backup folder that can no longer be written: said once, "Allow" asks the
// browser for permission again from the click, "Dismiss" puts it away.

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/stride-folder-notice.js';
import type { StrideFolderNotice } from '../../src/components/stride-folder-notice.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { saveSession } from '../../src/store/session-store.js';
import { type TestFolder, run } from '../store/backup-folder-rig.js';
import { folderRig, freshFolderEachTest, settled } from '../services/folder-rig.js';

useSeparateDatabase('stride-test-folder-notice');

let folder: TestFolder;
freshFolderEachTest((fresh) => (folder = fresh));

async function lostPermission() {
  await saveSession(run(1));
  const rig = folderRig(async () => folder.dir);
  await rig.folder.choose();
  await settled(rig.folder);
  const element = await fixture<StrideFolderNotice>(html`<stride-folder-notice .services=${{ folder: async () => rig.folder }}></stride-folder-notice>`);
  await waitUntil(() => element.folder !== null);
  const root = element.shadowRoot!;
  expect(root.querySelector('#folder-notice'), 'nothing to say while the folder works').to.equal(null);
  let permission: PermissionState = 'prompt';
  let asked = 0;
  folder.dir.queryPermission = async () => permission;
  folder.dir.requestPermission = async () => {
    asked++;
    return (permission = 'granted');
  };
  await saveSession(run(2));
  await rig.history.load();
  await settled(rig.folder);
  await element.updateComplete;
  return { element, root, rig, asked: () => asked };
}

describe('stride-folder-notice', () => {
  it('says the folder needs permission, and Allow asks for it from the click and writes what waited', async () => {
    const { element, root, rig, asked } = await lostPermission();
    expect(root.querySelector('#folder-notice')!.textContent).to.match(/may no longer write to your backup folder/);
    await expect(element).to.be.accessible();
    root.querySelector<HTMLButtonElement>('#allow')!.click();
    // The sync behind Allow encodes in a worker that starts first: seconds on a loaded machine.
    await waitUntil(() => rig.folder.status.kind === 'ready', 'the folder is written again', { timeout: 10_000 });
    await settled(rig.folder);
    await element.updateComplete;
    expect(asked()).to.equal(1);
    expect(root.querySelector('#folder-notice')).to.equal(null);
    expect(rig.folder.status).to.include({ written: 2 });
  });

  it('Dismiss puts it away, and it is not said again while the folder stays unwritable', async () => {
    const { element, root, rig } = await lostPermission();
    root.querySelector<HTMLButtonElement>('#dismiss')!.click();
    await element.updateComplete;
    expect(root.querySelector('#folder-notice')).to.equal(null);
    await saveSession(run(3));
    await rig.history.load();
    await settled(rig.folder);
    await element.updateComplete;
    expect(root.querySelector('#folder-notice')).to.equal(null);
  });
});
