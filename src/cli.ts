process.stdout.write('trtc-explorer\n');
